import { GrowableFloat64, GrowableInt32 } from "./growable";
import type { PathTable } from "./types";

/** Transient states of an absorbing chain: transitions among them in CSR form, and predecessors. */
export interface AbsorbingChain {
  readonly stateCount: number;
  readonly rowPtr: Int32Array;
  readonly col: Int32Array;
  readonly prob: Float64Array;
  readonly revPtr: Int32Array;
  readonly revCol: Int32Array;
}

/** The k-order journey chain: states are windows of k channels, absorbing in conversion or null. */
export interface MarkovChain extends AbsorbingChain {
  readonly order: number;
  /** State s is the channel window stateSteps[stateOffsets[s]] … stateSteps[stateOffsets[s + 1] − 1]. */
  readonly stateOffsets: Int32Array;
  readonly stateSteps: Int32Array;
  readonly startProb: Float64Array;
  /** P(s → conversion). */
  readonly conversionRate: Float64Array;
  /** P(s → conversion) × mean value per conversion of the paths ending in s. */
  readonly valueRate: Float64Array;
  /** The largest mean value per conversion of any state: an upper bound on expected value. */
  readonly maxMeanValue: number;
  readonly transitionCount: number;
}

// Dense lookup tables are used while radix^order stays below this many slots (16 MB).
const DENSE_WINDOW_SLOTS = 1 << 22;

/**
 * Builds the order-k chain of a path table: states are sliding windows of k channels (a shorter path is one
 * state), consecutive identical states collapse, transitions are weighted by conversions + nulls.
 */
export function buildMarkovChain(table: PathTable, order: number): MarkovChain {
  if (!Number.isInteger(order) || order < 1) throw new RangeError(`order must be a whole number ≥ 1, got ${order}`);
  const windows = new WindowIndex(table.channels.length, order);
  const startW = new GrowableFloat64();
  const convW = new GrowableFloat64();
  const nullW = new GrowableFloat64();
  const valueW = new GrowableFloat64();
  const fromState = new GrowableInt32(1 << 16);
  const toState = new GrowableInt32(1 << 16);
  const weight = new GrowableFloat64(1 << 16);
  const { offsets, steps } = table;
  let totalWeight = 0;
  for (let p = 0; p < table.pathCount; p++) {
    const w = table.conversions[p] + table.nulls[p];
    if (w === 0) continue;
    totalWeight += w;
    const start = offsets[p];
    const length = offsets[p + 1] - start;
    const windowLength = Math.min(length, order);
    const windowCount = length - windowLength + 1;
    let previous = -1;
    for (let i = 0; i < windowCount; i++) {
      const state = windows.idOf(steps, start + i, windowLength);
      if (state === startW.length) {
        startW.push(0);
        convW.push(0);
        nullW.push(0);
        valueW.push(0);
      }
      if (state === previous) continue;
      if (previous === -1) {
        startW.data[state] += w;
      } else {
        fromState.push(previous);
        toState.push(state);
        weight.push(w);
      }
      previous = state;
    }
    convW.data[previous] += table.conversions[p];
    nullW.data[previous] += table.nulls[p];
    valueW.data[previous] += table.values[p];
  }
  const n = startW.length;
  // Number states in window order, so a state's successors (its window shifted by one) sit side by side:
  // the solver then reads memory almost in sequence instead of at random.
  const windowOffsets = windows.offsets.data;
  const windowSteps = windows.steps.data;
  const rank = rankWindows(n, windowOffsets, windowSteps);
  for (let e = 0; e < weight.length; e++) {
    fromState.data[e] = rank[fromState.data[e]];
    toState.data[e] = rank[toState.data[e]];
  }
  const stateOffsets = new Int32Array(n + 1);
  const stateSteps = new Int32Array(windows.steps.length);
  const byRank = new Int32Array(n);
  for (let s = 0; s < n; s++) byRank[rank[s]] = s;
  for (let r = 0; r < n; r++) {
    const s = byRank[r];
    const length = windowOffsets[s + 1] - windowOffsets[s];
    stateSteps.set(windowSteps.subarray(windowOffsets[s], windowOffsets[s + 1]), stateOffsets[r]);
    stateOffsets[r + 1] = stateOffsets[r] + length;
  }
  const outW = new Float64Array(n);
  for (let s = 0; s < n; s++) outW[rank[s]] = convW.data[s] + nullW.data[s];
  for (let e = 0; e < weight.length; e++) outW[fromState.data[e]] += weight.data[e];
  const csr = compressTransitions(n, fromState.data, toState.data, weight.data, weight.length, outW);
  const startProb = new Float64Array(n);
  const conversionRate = new Float64Array(n);
  const valueRate = new Float64Array(n);
  let maxMeanValue = 0;
  for (let s = 0; s < n; s++) {
    const r = rank[s];
    startProb[r] = startW.data[s] / totalWeight;
    conversionRate[r] = convW.data[s] / outW[r];
    valueRate[r] = valueW.data[s] / outW[r];
    if (convW.data[s] > 0) maxMeanValue = Math.max(maxMeanValue, valueW.data[s] / convW.data[s]);
  }
  return {
    order,
    stateCount: n,
    ...csr,
    stateOffsets,
    stateSteps,
    startProb,
    conversionRate,
    valueRate,
    maxMeanValue,
    transitionCount: csr.col.length,
  };
}

/** Ranks windows in lexicographic order of their channel ids (a window before its extensions). */
function rankWindows(n: number, offsets: Int32Array, steps: Int32Array): Int32Array {
  const order = Array.from({ length: n }, (_, s) => s);
  order.sort((a, b) => {
    const aStart = offsets[a];
    const bStart = offsets[b];
    const aLength = offsets[a + 1] - aStart;
    const bLength = offsets[b + 1] - bStart;
    for (let i = 0; i < aLength && i < bLength; i++) {
      const difference = steps[aStart + i] - steps[bStart + i];
      if (difference !== 0) return difference;
    }
    return aLength - bLength;
  });
  const rank = new Int32Array(n);
  order.forEach((s, r) => {
    rank[s] = r;
  });
  return rank;
}

/** Merges duplicate transitions into CSR rows of probabilities, plus the reverse adjacency. */
function compressTransitions(
  n: number,
  from: Int32Array,
  to: Int32Array,
  weight: Float64Array,
  count: number,
  outW: Float64Array,
): Pick<AbsorbingChain, "rowPtr" | "col" | "prob" | "revPtr" | "revCol"> {
  const rowStart = new Int32Array(n + 1);
  for (let e = 0; e < count; e++) rowStart[from[e] + 1]++;
  for (let s = 0; s < n; s++) rowStart[s + 1] += rowStart[s];
  const cursor = rowStart.slice(0, n);
  const rawCol = new Int32Array(count);
  const rawW = new Float64Array(count);
  for (let e = 0; e < count; e++) {
    const at = cursor[from[e]]++;
    rawCol[at] = to[e];
    rawW[at] = weight[e];
  }
  const rowPtr = new Int32Array(n + 1);
  const slot = new Int32Array(n).fill(-1);
  let out = 0;
  for (let s = 0; s < n; s++) {
    const rowBegin = out;
    for (let e = rowStart[s]; e < rowStart[s + 1]; e++) {
      const t = rawCol[e];
      if (slot[t] >= rowBegin) {
        rawW[slot[t]] += rawW[e];
      } else {
        slot[t] = out;
        rawCol[out] = t;
        rawW[out] = rawW[e];
        out++;
      }
    }
    rowPtr[s + 1] = out;
  }
  const col = rawCol.slice(0, out);
  const prob = new Float64Array(out);
  for (let s = 0; s < n; s++) {
    for (let e = rowPtr[s]; e < rowPtr[s + 1]; e++) prob[e] = rawW[e] / outW[s];
  }
  const revPtr = new Int32Array(n + 1);
  for (let e = 0; e < out; e++) revPtr[col[e] + 1]++;
  for (let s = 0; s < n; s++) revPtr[s + 1] += revPtr[s];
  const revCursor = revPtr.slice(0, n);
  const revCol = new Int32Array(out);
  for (let s = 0; s < n; s++) {
    for (let e = rowPtr[s]; e < rowPtr[s + 1]; e++) revCol[revCursor[col[e]]++] = s;
  }
  return { rowPtr, col, prob, revPtr, revCol };
}

/** Interns channel windows as state ids, by a mixed-radix number when it fits, else by a string. */
class WindowIndex {
  readonly offsets = new GrowableInt32();
  readonly steps = new GrowableInt32();
  private count = 0;
  private readonly radix: number;
  private readonly slots: Int32Array | null = null;
  private readonly numeric: Map<number, number> | null = null;
  private readonly text: Map<string, number> | null = null;

  constructor(channelCount: number, order: number) {
    this.radix = channelCount + 1;
    const span = this.radix ** order;
    if (span <= DENSE_WINDOW_SLOTS) this.slots = new Int32Array(span + 1);
    else if (span <= Number.MAX_SAFE_INTEGER) this.numeric = new Map();
    else this.text = new Map();
    this.offsets.push(0);
  }

  /** Returns the id of the window steps[start … start + length − 1], creating it on first sight. */
  idOf(steps: Int32Array, start: number, length: number): number {
    if (this.text) {
      const key = Array.prototype.join.call(steps.subarray(start, start + length), ",");
      const known = this.text.get(key);
      if (known !== undefined) return known;
      this.text.set(key, this.count);
      return this.add(steps, start, length);
    }
    // Digits are channel id + 1, never 0, so windows of different lengths get different keys.
    let key = 0;
    for (let i = start; i < start + length; i++) key = key * this.radix + steps[i] + 1;
    if (this.slots) {
      const known = this.slots[key];
      if (known !== 0) return known - 1;
      this.slots[key] = this.count + 1;
      return this.add(steps, start, length);
    }
    const numeric = this.numeric as Map<number, number>;
    const known = numeric.get(key);
    if (known !== undefined) return known;
    numeric.set(key, this.count);
    return this.add(steps, start, length);
  }

  private add(steps: Int32Array, start: number, length: number): number {
    for (let i = start; i < start + length; i++) this.steps.push(steps[i]);
    this.offsets.push(this.steps.length);
    return this.count++;
  }
}
