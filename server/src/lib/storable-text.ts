// A high surrogate not followed by a low one, or a low one not preceded by a high one: ill-formed UTF-16,
// which PostgreSQL refuses in jsonb and which cannot be encoded as UTF-8 without loss.
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why the database cannot store a text (a NUL character, a lone surrogate), or null when it can. */
export function unstorableTextProblem(text: string): string | null {
  if (text.includes("\u0000")) return "may not contain NUL characters";
  if (loneSurrogate.test(text)) return "is not well-formed Unicode";
  return null;
}
