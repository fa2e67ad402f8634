import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";

/** A temporary folder for a CLI test's files, and a function to remove it. */
export function createTempFolder(prefix: string) {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  return {
    /** Writes a file into the folder and returns its path. */
    write(name: string, text: string): string {
      const path = join(folder, name);
      writeFileSync(path, text);
      return path;
    },
    /** The path a file of that name would have (without creating it). */
    pathOf: (name: string) => join(folder, name),
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}

/** An in-memory writable stream that keeps what a command printed. */
export function collectOutput(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
}
