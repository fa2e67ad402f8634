import { AttributionInputError } from "./errors";
import { GrowableFloat64, GrowableInt32 } from "./growable";
import type { PathTable } from "./types";

/** One path as a caller writes it: channel names in order and what the path led to. */
export interface PathRow {
  path: readonly string[];
  conversions: number;
  value?: number;
  nulls?: number;
}

/** Collects paths one at a time, merging identical ones, and hands back a PathTable. */
export interface PathAggregator {
  /** How many channels have been registered. */
  readonly channelCount: number;
  /** Returns the id of a channel name, registering it on first sight. */
  internChannel(name: string): number;
  /** Adds `length` channel ids from `channelIds` as one path with its counts. */
  addPath(channelIds: ArrayLike<number>, length: number, conversions: number, value: number, nulls: number): void;
  /** Adds a path given by channel names. */
  addNamedPath(channels: readonly string[], conversions: number, value: number, nulls: number): void;
  /** Returns the distinct paths seen so far. */
  finish(): PathTable;
}

/** Creates an empty path aggregator. */
export function createPathAggregator(): PathAggregator {
  return new Aggregator();
}

/** Builds a PathTable from rows of channel names (convenient for small inputs and tests). */
export function buildPathTable(rows: readonly PathRow[], channels: readonly string[] = []): PathTable {
  const aggregator = createPathAggregator();
  for (const name of channels) aggregator.internChannel(name);
  for (const row of rows) aggregator.addNamedPath(row.path, row.conversions, row.value ?? 0, row.nulls ?? 0);
  return aggregator.finish();
}

/** Checks the counts of one path; throws AttributionInputError naming the bad count. */
export function checkPathCounts(conversions: number, value: number, nulls: number): void {
  if (!(conversions >= 0 && Number.isFinite(conversions))) {
    throw new AttributionInputError(`conversions must be a finite number ≥ 0, got ${conversions}`);
  }
  if (!(value >= 0 && Number.isFinite(value))) {
    throw new AttributionInputError(`value must be a finite number ≥ 0, got ${value}`);
  }
  if (!(nulls >= 0 && Number.isFinite(nulls))) {
    throw new AttributionInputError(`nulls must be a finite number ≥ 0, got ${nulls}`);
  }
  if (value > 0 && conversions === 0) {
    throw new AttributionInputError("a path with value must have conversions");
  }
}

class Aggregator implements PathAggregator {
  private readonly channelIds = new Map<string, number>();
  private readonly channels: string[] = [];
  private readonly offsets = new GrowableInt32();
  private readonly steps = new GrowableInt32(4096);
  private readonly conversions = new GrowableFloat64();
  private readonly values = new GrowableFloat64();
  private readonly nulls = new GrowableFloat64();
  private readonly hashes = new GrowableInt32();
  // Open addressing over path hashes; slot i holds [hash, path index + 1] (0 when empty) at 2i.
  private slots = new Int32Array(2 << 10);
  private mask = (1 << 10) - 1;
  private readonly scratch: number[] = [];

  constructor() {
    this.offsets.push(0);
  }

  get channelCount(): number {
    return this.channels.length;
  }

  internChannel(name: string): number {
    let id = this.channelIds.get(name);
    if (id === undefined) {
      if (name === "") throw new AttributionInputError("channel name is empty");
      id = this.channels.length;
      this.channels.push(name);
      this.channelIds.set(name, id);
    }
    return id;
  }

  addPath(channelIds: ArrayLike<number>, length: number, conversions: number, value: number, nulls: number): void {
    if (length < 1) throw new AttributionInputError("path has no channels");
    checkPathCounts(conversions, value, nulls);
    let hash = 0x811c9dc5 | 0;
    for (let i = 0; i < length; i++) {
      const id = channelIds[i];
      if (!(id >= 0 && id < this.channels.length)) throw new RangeError(`unknown channel id ${id}`);
      hash = Math.imul(hash ^ id, 0x01000193);
    }
    const offsets = this.offsets.data;
    const steps = this.steps.data;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      if (this.slots[2 * slot] !== hash) {
        if (this.slots[2 * slot + 1] === 0) break;
        continue;
      }
      const entry = this.slots[2 * slot + 1];
      if (entry === 0) break;
      const p = entry - 1;
      if (offsets[p + 1] - offsets[p] !== length) continue;
      let same = true;
      for (let i = 0, at = offsets[p]; i < length && same; i++) same = steps[at + i] === channelIds[i];
      if (!same) continue;
      this.conversions.data[p] += conversions;
      this.values.data[p] += value;
      this.nulls.data[p] += nulls;
      return;
    }
    const index = this.conversions.length;
    this.steps.grow(this.steps.length + length);
    for (let i = 0; i < length; i++) this.steps.push(channelIds[i]);
    this.offsets.push(this.steps.length);
    this.conversions.push(conversions);
    this.values.push(value);
    this.nulls.push(nulls);
    this.hashes.push(hash);
    if ((index + 1) * 2 > this.mask + 1) this.rehash();
    else this.place(hash, index);
  }

  addNamedPath(channels: readonly string[], conversions: number, value: number, nulls: number): void {
    const ids = this.scratch;
    ids.length = channels.length;
    for (let i = 0; i < channels.length; i++) ids[i] = this.internChannel(channels[i]);
    this.addPath(ids, ids.length, conversions, value, nulls);
  }

  finish(): PathTable {
    return {
      channels: this.channels.slice(),
      pathCount: this.conversions.length,
      offsets: this.offsets.toArray(),
      steps: this.steps.toArray(),
      conversions: this.conversions.toArray(),
      values: this.values.toArray(),
      nulls: this.nulls.toArray(),
    };
  }

  private place(hash: number, index: number): void {
    let slot = hash & this.mask;
    while (this.slots[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
    this.slots[2 * slot] = hash;
    this.slots[2 * slot + 1] = index + 1;
  }

  private rehash(): void {
    this.mask = this.mask * 2 + 1;
    this.slots = new Int32Array((this.mask + 1) * 2);
    for (let p = 0; p < this.conversions.length; p++) this.place(this.hashes.data[p], p);
  }
}
