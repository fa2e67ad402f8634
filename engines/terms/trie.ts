// The multi-pattern matcher: a trie of every folded form and its "s" and "es" variants, written for this engine.
// A match can only begin where a word begins, so the annotator walks the trie from each word start instead of
// running Aho–Corasick's failure links through every character: the same matches, with work proportional to the
// text plus the prefixes of forms actually found at word starts (at worst text length × longest form).
// Built with an open-addressing hash table keyed by (state, character class), then laid out for reading in one
// Int32Array, breadth first (the shallow states every walk visits sit together in memory): a state is the offset
// of its record [first pattern, ends-any-case flag, child count, class₁, child₁, class₂, child₂, …], children
// sorted by class, so one step usually reads one cache line. The root's children are also in a dense array.

const NONE = -1;

/** The built trie; read by the annotator, never changed after build. */
export interface Trie {
  /** Class of each UTF-16 code unit: 0 when no form uses it. */
  classOf: Uint32Array;
  /** The root's child for each class, NONE if none. */
  rootNext: Int32Array;
  /** The states' records (see the file comment); the root is at 0. */
  nodes: Int32Array;
  /** The list of patterns ending at a state continues through patternNext, in form order. */
  patternNext: Int32Array;
  patternForm: Int32Array;
  /** 0 = the form itself, 1 = followed by "s", 2 = followed by "es". */
  patternSuffix: Uint8Array;
  states: number;
}

/** Offsets inside a state's record. */
export const FIRST_PATTERN = 0;
export const ENDS_ANY_CASE = 1;
const CHILD_COUNT = 2;
const FIRST_CHILD = 3;

/**
 * Builds the trie of the given keys with their "s" and "es" variants; `anyCase[i]` says key i matches whatever
 * the case (so a match needs no check against the text as written).
 */
export function buildTrie(keys: readonly string[], anyCase: readonly boolean[]): Trie {
  let maxStates = 1;
  for (const key of keys) maxStates += key.length + 3;
  let capacity = 1024;
  while (capacity < maxStates * 2) capacity *= 2;
  const shift = 32 - Math.log2(capacity);
  const mask = capacity - 1;
  // Slot i holds [state, class, child] at 3i, 3i + 1, 3i + 2.
  const table = new Int32Array(capacity * 3).fill(NONE);
  const outputHead = new Int32Array(maxStates).fill(NONE);
  const outputTail = new Int32Array(maxStates).fill(NONE);
  const patternCount = keys.length * 3;
  const patternNext = new Int32Array(patternCount).fill(NONE);
  const patternForm = new Int32Array(patternCount);
  const patternSuffix = new Uint8Array(patternCount);
  const classOf = new Uint32Array(0x10000);
  let classes = 0;
  let states = 1;
  let patterns = 0;

  const childOfBuilding = (state: number, unit: number) => {
    let cls = classOf[unit];
    if (cls === 0) {
      classes += 1;
      cls = classes;
      classOf[unit] = cls;
    }
    let slot = Math.imul(state ^ Math.imul(cls, 0x27d4eb2d), 0x9e3779b1) >>> shift;
    while (table[slot * 3] !== NONE) {
      if (table[slot * 3] === state && table[slot * 3 + 1] === cls) return table[slot * 3 + 2];
      slot = (slot + 1) & mask;
    }
    const child = states;
    states += 1;
    table[slot * 3] = state;
    table[slot * 3 + 1] = cls;
    table[slot * 3 + 2] = child;
    return child;
  };
  const addPattern = (state: number, form: number, suffix: 0 | 1 | 2) => {
    patternForm[patterns] = form;
    patternSuffix[patterns] = suffix;
    if (outputHead[state] === NONE) outputHead[state] = patterns;
    else patternNext[outputTail[state]] = patterns;
    outputTail[state] = patterns;
    patterns += 1;
  };
  keys.forEach((key, form) => {
    let state = 0;
    for (let i = 0; i < key.length; i += 1) state = childOfBuilding(state, key.charCodeAt(i));
    addPattern(state, form, 0);
    addPattern(childOfBuilding(state, 115), form, 1);
    addPattern(childOfBuilding(childOfBuilding(state, 101), 115), form, 2);
  });

  // Children grouped by parent (still in build numbering).
  const edgeStart = new Int32Array(states + 1);
  for (let slot = 0; slot < capacity; slot += 1) if (table[slot * 3] !== NONE) edgeStart[table[slot * 3] + 1] += 1;
  for (let state = 0; state < states; state += 1) edgeStart[state + 1] += edgeStart[state];
  const fill = edgeStart.slice(0, states);
  const edgeClass = new Int32Array(states - 1);
  const edgeTarget = new Int32Array(states - 1);
  for (let slot = 0; slot < capacity; slot += 1) {
    const parent = table[slot * 3];
    if (parent === NONE) continue;
    edgeClass[fill[parent]] = table[slot * 3 + 1];
    edgeTarget[fill[parent]] = table[slot * 3 + 2];
    fill[parent] += 1;
  }

  // Breadth-first order, then each state's offset, then the records.
  const order = new Int32Array(states);
  let tail = 1;
  for (let head = 0; head < states; head += 1) {
    const from = edgeStart[order[head]];
    const to = edgeStart[order[head] + 1];
    sortEdgesByClass(edgeClass, edgeTarget, from, to);
    for (let edge = from; edge < to; edge += 1) {
      order[tail] = edgeTarget[edge];
      tail += 1;
    }
  }
  const offset = new Int32Array(states);
  let size = 0;
  for (let i = 0; i < states; i += 1) {
    offset[order[i]] = size;
    size += FIRST_CHILD + 2 * (edgeStart[order[i] + 1] - edgeStart[order[i]]);
  }
  const nodes = new Int32Array(size);
  for (let state = 0; state < states; state += 1) {
    const at = offset[state];
    nodes[at + FIRST_PATTERN] = outputHead[state];
    for (let pattern = outputHead[state]; pattern !== NONE; pattern = patternNext[pattern]) {
      if (anyCase[patternForm[pattern]]) nodes[at + ENDS_ANY_CASE] = 1;
    }
    nodes[at + CHILD_COUNT] = edgeStart[state + 1] - edgeStart[state];
    for (let edge = edgeStart[state], k = at + FIRST_CHILD; edge < edgeStart[state + 1]; edge += 1, k += 2) {
      nodes[k] = edgeClass[edge];
      nodes[k + 1] = offset[edgeTarget[edge]];
    }
  }
  const rootNext = new Int32Array(classes + 1).fill(NONE);
  for (let edge = edgeStart[0]; edge < edgeStart[1]; edge += 1) rootNext[edgeClass[edge]] = offset[edgeTarget[edge]];
  return { classOf, rootNext, nodes, patternNext, patternForm, patternSuffix, states };
}

function sortEdgesByClass(edgeClass: Int32Array, edgeTarget: Int32Array, from: number, to: number) {
  if (to - from > 32) {
    const sorted = Array.from({ length: to - from }, (_, i) => [edgeClass[from + i], edgeTarget[from + i]]);
    sorted.sort((a, b) => a[0] - b[0]);
    sorted.forEach(([cls, target], i) => {
      edgeClass[from + i] = cls;
      edgeTarget[from + i] = target;
    });
    return;
  }
  for (let i = from + 1; i < to; i += 1) {
    const cls = edgeClass[i];
    const target = edgeTarget[i];
    let j = i - 1;
    for (; j >= from && edgeClass[j] > cls; j -= 1) {
      edgeClass[j + 1] = edgeClass[j];
      edgeTarget[j + 1] = edgeTarget[j];
    }
    edgeClass[j + 1] = cls;
    edgeTarget[j + 1] = target;
  }
}

/** The child of `state` on the code unit `unit`, or NONE. */
export function childOf(trie: Trie, state: number, unit: number): number {
  const cls = trie.classOf[unit];
  if (cls === 0) return NONE;
  if (state === 0) return trie.rootNext[cls];
  const nodes = trie.nodes;
  const first = state + FIRST_CHILD;
  let low = 0;
  let high = nodes[state + CHILD_COUNT];
  while (high - low > 8) {
    const middle = (low + high) >>> 1;
    if (nodes[first + 2 * middle] < cls) low = middle + 1;
    else high = middle + 1;
  }
  for (; low < high; low += 1) if (nodes[first + 2 * low] === cls) return nodes[first + 2 * low + 1];
  return NONE;
}

export { NONE as NO_STATE };
