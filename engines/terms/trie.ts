// The multi-pattern matcher: a trie of every folded form and its "s" and "es" variants, written for this engine.
// A match can only begin where a word begins, so the annotator walks the trie from each word start instead of
// running Aho–Corasick's failure links through every character: the same matches, with work proportional to the
// text plus the prefixes of forms actually found at word starts (bounded by text length × longest form). States
// live in flat typed arrays; the goto function is an open-addressing hash table keyed by (state, character class),
// with the root's transitions also kept in a dense array, since every walk starts there.

const NONE = -1;

/** The built trie; read by the annotator, never changed after build. */
export interface Trie {
  /** Class of each UTF-16 code unit: 0 when no form uses it. */
  classOf: Uint32Array;
  /** The root's child for each class, NONE if none. */
  rootNext: Int32Array;
  mask: number;
  shift: number;
  /** The goto table: slot i holds [state, class, child] at 3i, 3i + 1, 3i + 2 (one cache line per probe). */
  table: Int32Array;
  /** First pattern ending at a state, NONE if none; the list continues through patternNext, in form order. */
  outputHead: Int32Array;
  patternNext: Int32Array;
  patternForm: Int32Array;
  /** 0 = the form itself, 1 = followed by "s", 2 = followed by "es". */
  patternSuffix: Uint8Array;
  states: number;
}

/** Builds the trie of the given keys with their "s" and "es" variants. */
export function buildTrie(keys: readonly string[]): Trie {
  let maxStates = 1;
  for (const key of keys) maxStates += key.length + 3;
  let capacity = 1024;
  while (capacity < maxStates * 2) capacity *= 2;
  const shift = 32 - Math.log2(capacity);
  const mask = capacity - 1;
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

  const childOf = (state: number, unit: number) => {
    let cls = classOf[unit];
    if (cls === 0) {
      classes += 1;
      cls = classes;
      classOf[unit] = cls;
    }
    let slot = hash(state, cls, shift);
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
    for (let i = 0; i < key.length; i += 1) state = childOf(state, key.charCodeAt(i));
    addPattern(state, form, 0);
    addPattern(childOf(state, 115), form, 1);
    addPattern(childOf(childOf(state, 101), 115), form, 2);
  });

  const rootNext = new Int32Array(classes + 1).fill(NONE);
  for (let slot = 0; slot < capacity; slot += 1) {
    if (table[slot * 3] === 0) rootNext[table[slot * 3 + 1]] = table[slot * 3 + 2];
  }
  return {
    classOf,
    rootNext,
    mask,
    shift,
    table,
    outputHead: outputHead.slice(0, states),
    patternNext,
    patternForm,
    patternSuffix,
    states,
  };
}

function hash(state: number, cls: number, shift: number): number {
  return Math.imul(state ^ Math.imul(cls, 0x27d4eb2d), 0x9e3779b1) >>> shift;
}

/** The child of `state` on the code unit `unit`, or NONE. */
export function childOf(trie: Trie, state: number, unit: number): number {
  const cls = trie.classOf[unit];
  if (cls === 0) return NONE;
  if (state === 0) return trie.rootNext[cls];
  const { table, mask } = trie;
  let slot = hash(state, cls, trie.shift);
  for (;;) {
    const owner = table[slot * 3];
    if (owner === NONE) return NONE;
    if (owner === state && table[slot * 3 + 1] === cls) return table[slot * 3 + 2];
    slot = (slot + 1) & mask;
  }
}

export { NONE as NO_STATE };
