// An Aho–Corasick automaton over folded UTF-16 code units, written for this engine. States live in flat typed
// arrays; the goto function is an open-addressing hash table keyed by (state, character class), so a glossary of
// tens of thousands of forms costs a few arrays rather than a Map per state. Each state keeps the patterns that end
// there (a linked list) and its dictionary link: the nearest state on its failure chain that ends a pattern.

const NONE = -1;

/** A pattern: a form's key, possibly followed by its plural suffix. */
export interface PatternSpec {
  form: number;
  /** 0 = the form itself, 1 = followed by "s", 2 = followed by "es". */
  suffix: 0 | 1 | 2;
}

/** The built automaton; read by the annotator, never changed after build. */
export interface Automaton {
  /** Class of each UTF-16 code unit: 0 when no pattern uses it. */
  classOf: Uint16Array | Uint32Array;
  transitionCapacityMask: number;
  transitionShift: number;
  keyState: Int32Array;
  keyClass: Int32Array;
  target: Int32Array;
  depth: Int32Array;
  fail: Int32Array;
  dictionary: Int32Array;
  /** First pattern ending at a state, NONE if none; the list continues through patternNext. */
  outputHead: Int32Array;
  patternNext: Int32Array;
  patternForm: Int32Array;
  patternSuffix: Uint8Array;
  states: number;
}

/** Builds the automaton of the given keys with their "s" and "es" variants (patterns in that order per key). */
export function buildAutomaton(keys: readonly string[]): Automaton {
  let maxStates = 1;
  for (const key of keys) maxStates += key.length + 3;
  let capacity = 1024;
  while (capacity < maxStates * 2) capacity *= 2;
  const shift = 32 - Math.log2(capacity);
  const keyState = new Int32Array(capacity).fill(NONE);
  const keyClass = new Int32Array(capacity);
  const target = new Int32Array(capacity);
  const depth = new Int32Array(maxStates);
  const edgeClass = new Int32Array(maxStates);
  const firstChild = new Int32Array(maxStates).fill(NONE);
  const nextSibling = new Int32Array(maxStates).fill(NONE);
  const outputHead = new Int32Array(maxStates).fill(NONE);
  const patternCount = keys.length * 3;
  const patternNext = new Int32Array(patternCount).fill(NONE);
  const patternForm = new Int32Array(patternCount);
  const patternSuffix = new Uint8Array(patternCount);
  const classOf = new Uint32Array(0x10000);
  let classes = 0;
  let states = 1;
  let patterns = 0;

  const slotOf = (state: number, cls: number) => {
    let slot = Math.imul(state ^ Math.imul(cls, 0x27d4eb2d), 0x9e3779b1) >>> shift;
    while (keyState[slot] !== NONE && (keyState[slot] !== state || keyClass[slot] !== cls)) {
      slot = (slot + 1) & (capacity - 1);
    }
    return slot;
  };
  const childOf = (state: number, unit: number) => {
    let cls = classOf[unit];
    if (cls === 0) {
      classes += 1;
      cls = classes;
      classOf[unit] = cls;
    }
    const slot = slotOf(state, cls);
    if (keyState[slot] !== NONE) return target[slot];
    const child = states;
    states += 1;
    keyState[slot] = state;
    keyClass[slot] = cls;
    target[slot] = child;
    depth[child] = depth[state] + 1;
    edgeClass[child] = cls;
    nextSibling[child] = firstChild[state];
    firstChild[state] = child;
    return child;
  };
  const addPattern = (state: number, form: number, suffix: 0 | 1 | 2) => {
    patternForm[patterns] = form;
    patternSuffix[patterns] = suffix;
    // Appended at the end of the state's list, so patterns keep their form order.
    if (outputHead[state] === NONE) outputHead[state] = patterns;
    else {
      let last = outputHead[state];
      while (patternNext[last] !== NONE) last = patternNext[last];
      patternNext[last] = patterns;
    }
    patterns += 1;
  };

  keys.forEach((key, form) => {
    let state = 0;
    for (let i = 0; i < key.length; i += 1) state = childOf(state, key.charCodeAt(i));
    addPattern(state, form, 0);
    addPattern(childOf(state, 115), form, 1);
    addPattern(childOf(childOf(state, 101), 115), form, 2);
  });

  // Failure and dictionary links, breadth first.
  const fail = new Int32Array(states);
  const dictionary = new Int32Array(states).fill(NONE);
  const queue = new Int32Array(states);
  let head = 0;
  let tail = 0;
  for (let child = firstChild[0]; child !== NONE; child = nextSibling[child]) {
    queue[tail] = child;
    tail += 1;
  }
  while (head < tail) {
    const state = queue[head];
    head += 1;
    for (let child = firstChild[state]; child !== NONE; child = nextSibling[child]) {
      const cls = edgeClass[child];
      let fallback = fail[state];
      for (;;) {
        const slot = slotOf(fallback, cls);
        if (keyState[slot] !== NONE) {
          fail[child] = target[slot];
          break;
        }
        if (fallback === 0) {
          fail[child] = 0;
          break;
        }
        fallback = fail[fallback];
      }
      const via = fail[child];
      dictionary[child] = outputHead[via] !== NONE ? via : dictionary[via];
      queue[tail] = child;
      tail += 1;
    }
  }

  return {
    classOf,
    transitionCapacityMask: capacity - 1,
    transitionShift: shift,
    keyState,
    keyClass,
    target,
    depth: depth.slice(0, states),
    fail,
    dictionary,
    outputHead: outputHead.slice(0, states),
    patternNext,
    patternForm,
    patternSuffix,
    states,
  };
}

/** The state reached from `state` on the class `cls` (goto, then failure links down to the root). */
export function step(automaton: Automaton, state: number, cls: number): number {
  const { keyState, keyClass, target, fail, transitionShift: shift, transitionCapacityMask: mask } = automaton;
  for (;;) {
    let slot = Math.imul(state ^ Math.imul(cls, 0x27d4eb2d), 0x9e3779b1) >>> shift;
    for (;;) {
      const owner = keyState[slot];
      if (owner === NONE) break;
      if (owner === state && keyClass[slot] === cls) return target[slot];
      slot = (slot + 1) & mask;
    }
    if (state === 0) return 0;
    state = fail[state];
  }
}

export { NONE as NO_STATE };
