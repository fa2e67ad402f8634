// Just enough of the ustar format to rename the entries of the archives PGlite writes and to look inside a file
// before trusting it as a backup: 512-byte headers, each followed by its data rounded up to 512 bytes.

const BLOCK = 512;

/** A malformed tar archive. */
export class TarFormatError extends Error {}

interface Header {
  offset: number;
  name: string;
  size: number;
}

function text(block: Uint8Array, start: number, length: number): string {
  const bytes = block.subarray(start, start + length);
  const end = bytes.indexOf(0);
  return Buffer.from(end === -1 ? bytes : bytes.subarray(0, end)).toString("utf8");
}

function checksumOf(block: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i];
  return sum;
}

function* headers(tar: Uint8Array): Generator<Header> {
  let offset = 0;
  while (offset + BLOCK <= tar.length) {
    const block = tar.subarray(offset, offset + BLOCK);
    if (block.every((byte) => byte === 0)) return;
    const stored = Number.parseInt(text(block, 148, 8).trim(), 8);
    if (stored !== checksumOf(block)) throw new TarFormatError(`bad header checksum at byte ${offset}`);
    const size = Number.parseInt(text(block, 124, 12).trim() || "0", 8);
    if (!Number.isSafeInteger(size) || size < 0) throw new TarFormatError(`bad entry size at byte ${offset}`);
    const prefix = text(block, 345, 155);
    const name = text(block, 0, 100);
    yield { offset, name: prefix ? `${prefix}/${name}` : name, size };
    offset += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  throw new TarFormatError("the archive ends without its end marker");
}

/** The entry names of a tar archive (throws TarFormatError when it is not one). */
export function listTarEntries(tar: Uint8Array): string[] {
  return [...headers(tar)].map((header) => header.name);
}

/** A copy of a tar archive whose entry names are relative (PGlite writes "/PG_VERSION", tar warns on those). */
export function relativizeTarEntries(tar: Uint8Array): Buffer {
  const copy = Buffer.from(tar);
  for (const header of headers(copy)) {
    const block = copy.subarray(header.offset, header.offset + BLOCK);
    const field = text(block, 345, 155) ? 345 : 0;
    const length = field === 345 ? 155 : 100;
    if (block[field] !== 0x2f) continue;
    const stripped = Buffer.from(text(block, field, length).replace(/^\/+/, "") || ".", "utf8");
    block.fill(0, field, field + length);
    stripped.copy(block, field);
    const sum = checksumOf(block);
    Buffer.from(`${sum.toString(8).padStart(6, "0")}\0 `, "ascii").copy(block, 148);
  }
  return copy;
}
