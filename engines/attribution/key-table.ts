import { decodeUtf8 } from "./utf8";

const RECENT = 4096;

/**
 * Interns keys read straight out of a byte buffer (a field of a CSV chunk) without copying them out: an
 * open-addressing hash table over the UTF-8 bytes, keys kept in one typed-array arena. Millions of journey
 * ids stay cheap to look up and free of per-key garbage.
 */
export class ByteKeyTable {
  private codes = new Uint8Array(1 << 16);
  private codeLength = 0;
  // Slot layout [hash, id + 1, key start, key length], so one probe touches one cache line.
  private slots = new Int32Array(4 << 10);
  private mask = (1 << 10) - 1;
  private keyStart: Int32Array = new Int32Array(1 << 10);
  private keyLength: Int32Array = new Int32Array(1 << 10);
  private keyHash: Int32Array = new Int32Array(1 << 10);
  // Keys seen lately, by low hash bits, laid out like the slots: journeys recur close together in event logs,
  // so most lookups end here, in a table small enough to stay in cache.
  private readonly recent = new Int32Array(RECENT * 4);
  private count = 0;

  /** How many distinct keys there are. */
  get size(): number {
    return this.count;
  }

  /** Returns the id of bytes[start … end − 1], adding it when new (ids are 0, 1, 2 … in order of arrival). */
  idOf(bytes: Uint8Array, start: number, end: number): number {
    let hash = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
    const length = end - start;
    const recent = this.recent;
    const cached = (hash & (RECENT - 1)) << 2;
    if (recent[cached + 1] !== 0 && recent[cached] === hash && recent[cached + 3] === length) {
      if (this.matches(recent[cached + 2], length, bytes, start)) return recent[cached + 1] - 1;
    }
    const slots = this.slots;
    let found = -1;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = slot << 2;
      if (slots[at + 1] === 0) break;
      if (slots[at] === hash && slots[at + 3] === length && this.matches(slots[at + 2], length, bytes, start)) {
        found = slots[at + 1] - 1;
        break;
      }
    }
    const id = found >= 0 ? found : this.add(bytes, start, end, hash);
    recent[cached] = hash;
    recent[cached + 1] = id + 1;
    recent[cached + 2] = this.keyStart[id];
    recent[cached + 3] = length;
    return id;
  }

  /** Returns the key of an id, decoded from UTF-8. */
  keyOf(id: number): string {
    return decodeUtf8(this.codes, this.keyStart[id], this.keyStart[id] + this.keyLength[id]);
  }

  private matches(keyAt: number, length: number, bytes: Uint8Array, start: number): boolean {
    for (let i = 0; i < length; i++) if (this.codes[keyAt + i] !== bytes[start + i]) return false;
    return true;
  }

  private add(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const id = this.count++;
    const length = end - start;
    if (this.codeLength + length > this.codes.length) {
      const codes = new Uint8Array(Math.max(this.codes.length * 2, this.codeLength + length));
      codes.set(this.codes.subarray(0, this.codeLength));
      this.codes = codes;
    }
    for (let i = 0; i < length; i++) this.codes[this.codeLength + i] = bytes[start + i];
    if (id === this.keyStart.length) {
      this.keyStart = grown(this.keyStart);
      this.keyLength = grown(this.keyLength);
      this.keyHash = grown(this.keyHash);
    }
    this.keyStart[id] = this.codeLength;
    this.keyLength[id] = length;
    this.keyHash[id] = hash;
    this.codeLength += length;
    if (this.count * 2 > this.mask + 1) this.rehash();
    else this.place(id);
    return id;
  }

  private place(id: number): void {
    const hash = this.keyHash[id];
    let slot = hash & this.mask;
    while (this.slots[(slot << 2) + 1] !== 0) slot = (slot + 1) & this.mask;
    const at = slot << 2;
    this.slots[at] = hash;
    this.slots[at + 1] = id + 1;
    this.slots[at + 2] = this.keyStart[id];
    this.slots[at + 3] = this.keyLength[id];
  }

  private rehash(): void {
    const capacity = (this.mask + 1) * 2;
    this.slots = new Int32Array(capacity * 4);
    this.mask = capacity - 1;
    for (let id = 0; id < this.count; id++) this.place(id);
  }
}

function grown(array: Int32Array): Int32Array {
  const next = new Int32Array(array.length * 2);
  next.set(array);
  return next;
}
