/** Escapes LIKE wildcards in user input, so a search for "50%" finds "50%". */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
