import type { AbsorbingChain } from "./markov-chain";

/** Lower and upper bounds on the absorption value x of every state; x lies between them. */
export interface AbsorptionBounds {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** Largest (upper − lower) / upper over the states, after the solve. */
  readonly maxRelativeGap: number;
}

/** Relative width at which an iteratively solved state counts as solved. */
export const ABSORPTION_TOLERANCE = 1e-14;

// Strongly connected components up to this size are solved directly by Gaussian elimination.
const DENSE_LIMIT = 200;

/**
 * Solves x = rhs + Q·x for the expected absorbed reward x of every state, where Q holds the transient
 * transitions of `chain`, rhs ≥ 0 and blocked states are redirected to a zero-reward sink (their x is 0).
 *
 * States are split into strongly connected components and solved sinks first: small components by Gaussian
 * elimination, large ones by Gauss–Seidel run from below (from 0) and from above (from `initialUpper`, which
 * must satisfy rhs + Q·u ≤ u) at once. Both runs are monotone, so the true x always lies between them, and the
 * iteration stops only when they meet to ABSORPTION_TOLERANCE (or stop moving in floating point): no step cap.
 */
export function solveAbsorption(
  chain: AbsorbingChain,
  rhs: Float64Array,
  blocked: Uint8Array | null,
  initialUpper: Float64Array | number,
): AbsorptionBounds {
  const n = chain.stateCount;
  const active = findSupport(chain, rhs, blocked);
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  const solver = new ComponentSolver(chain, rhs, active, lower, upper, initialUpper);
  forEachComponent(chain, active, (members, size) => solver.solve(members, size));
  return { lower, upper, maxRelativeGap: solver.maxRelativeGap };
}

/** Marks the unblocked states from which a state with positive reward can be reached: all others have x = 0. */
function findSupport(chain: AbsorbingChain, rhs: Float64Array, blocked: Uint8Array | null): Uint8Array {
  const n = chain.stateCount;
  const active = new Uint8Array(n);
  const queue = new Int32Array(n);
  let tail = 0;
  for (let s = 0; s < n; s++) {
    if (rhs[s] > 0 && !(blocked && blocked[s])) {
      active[s] = 1;
      queue[tail++] = s;
    }
  }
  const { revPtr, revCol } = chain;
  for (let head = 0; head < tail; head++) {
    const t = queue[head];
    for (let e = revPtr[t]; e < revPtr[t + 1]; e++) {
      const s = revCol[e];
      if (active[s] === 0 && !(blocked && blocked[s])) {
        active[s] = 1;
        queue[tail++] = s;
      }
    }
  }
  return active;
}

/**
 * Tarjan's algorithm without recursion over the active states. Components are reported sinks first, so every
 * component downstream of one is reported before it; members are listed latest-discovered first.
 */
function forEachComponent(
  chain: AbsorbingChain,
  active: Uint8Array,
  onComponent: (members: Int32Array, size: number) => void,
): void {
  const n = chain.stateCount;
  const { rowPtr, col } = chain;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  const members = new Int32Array(n);
  let sp = 0;
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (active[root] === 0 || index[root] !== -1) continue;
    let csp = 0;
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    callNode[csp] = root;
    callEdge[csp++] = rowPtr[root];
    while (csp > 0) {
      const v = callNode[csp - 1];
      const e = callEdge[csp - 1];
      if (e < rowPtr[v + 1]) {
        callEdge[csp - 1] = e + 1;
        const w = col[e];
        if (active[w] === 0) continue;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          callNode[csp] = w;
          callEdge[csp++] = rowPtr[w];
        } else if (onStack[w] === 1 && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      if (low[v] === index[v]) {
        let size = 0;
        let w: number;
        do {
          w = stack[--sp];
          onStack[w] = 0;
          members[size++] = w;
        } while (w !== v);
        onComponent(members, size);
      }
      csp--;
      if (csp > 0) {
        const u = callNode[csp - 1];
        if (low[v] < low[u]) low[u] = low[v];
      }
    }
  }
}

/** Solves one component at a time, given that every component downstream of it is solved. */
class ComponentSolver {
  maxRelativeGap = 0;
  private readonly component: Int32Array;
  private readonly local: Int32Array;
  private componentId = 0;

  constructor(
    private readonly chain: AbsorbingChain,
    private readonly rhs: Float64Array,
    private readonly active: Uint8Array,
    private readonly lower: Float64Array,
    private readonly upper: Float64Array,
    private readonly initialUpper: Float64Array | number,
  ) {
    this.component = new Int32Array(chain.stateCount).fill(-1);
    this.local = new Int32Array(chain.stateCount);
  }

  solve(members: Int32Array, size: number): void {
    const id = this.componentId++;
    const { rowPtr, col, prob } = this.chain;
    for (let i = 0; i < size; i++) {
      this.component[members[i]] = id;
      this.local[members[i]] = i;
    }
    // Reward from leaving the component, bounded by the already solved states downstream.
    const exitLower = new Float64Array(size);
    const exitUpper = new Float64Array(size);
    const innerPtr = new Int32Array(size + 1);
    let innerCount = 0;
    for (let i = 0; i < size; i++) {
      const s = members[i];
      let lo = this.rhs[s];
      let hi = lo;
      for (let e = rowPtr[s]; e < rowPtr[s + 1]; e++) {
        const t = col[e];
        if (this.component[t] === id) innerCount++;
        else if (this.active[t] === 1) {
          lo += prob[e] * this.lower[t];
          hi += prob[e] * this.upper[t];
        }
      }
      exitLower[i] = lo;
      exitUpper[i] = hi;
      innerPtr[i + 1] = innerCount;
    }
    const innerCol = new Int32Array(innerCount);
    const innerProb = new Float64Array(innerCount);
    for (let i = 0, at = 0; i < size; i++) {
      const s = members[i];
      for (let e = rowPtr[s]; e < rowPtr[s + 1]; e++) {
        if (this.component[col[e]] !== id) continue;
        innerCol[at] = this.local[col[e]];
        innerProb[at++] = prob[e];
      }
    }
    const system = { size, innerPtr, innerCol, innerProb };
    let lo: Float64Array;
    let hi: Float64Array;
    if (size <= DENSE_LIMIT) {
      [lo, hi] = solveDense(system, [exitLower, exitUpper]);
      for (let i = 0; i < size; i++) {
        if (lo[i] < 0) lo[i] = 0;
        if (hi[i] < lo[i]) hi[i] = lo[i];
      }
    } else {
      hi = new Float64Array(size);
      for (let i = 0; i < size; i++) {
        const bound = this.initialUpper;
        hi[i] = typeof bound === "number" ? bound : bound[members[i]];
      }
      lo = new Float64Array(size);
      this.maxRelativeGap = Math.max(this.maxRelativeGap, iterateBounds(system, exitLower, exitUpper, lo, hi));
    }
    for (let i = 0; i < size; i++) {
      this.lower[members[i]] = lo[i];
      this.upper[members[i]] = hi[i];
    }
  }
}

/** The transitions inside one component, in local indices. */
interface ComponentSystem {
  size: number;
  innerPtr: Int32Array;
  innerCol: Int32Array;
  innerProb: Float64Array;
}

/** Solves (I − Q)·x = b for each right-hand side by Gaussian elimination with partial pivoting. */
function solveDense(system: ComponentSystem, rightHandSides: Float64Array[]): Float64Array[] {
  const m = system.size;
  const a = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    a[i * m + i] = 1;
    for (let e = system.innerPtr[i]; e < system.innerPtr[i + 1]; e++) a[i * m + system.innerCol[e]] -= system.innerProb[e];
  }
  const xs = rightHandSides.map((b) => b.slice());
  for (let k = 0; k < m; k++) {
    let pivot = k;
    for (let i = k + 1; i < m; i++) if (Math.abs(a[i * m + k]) > Math.abs(a[pivot * m + k])) pivot = i;
    if (pivot !== k) {
      for (let j = 0; j < m; j++) {
        const t = a[k * m + j];
        a[k * m + j] = a[pivot * m + j];
        a[pivot * m + j] = t;
      }
      for (const x of xs) {
        const t = x[k];
        x[k] = x[pivot];
        x[pivot] = t;
      }
    }
    const diagonal = a[k * m + k];
    for (let i = k + 1; i < m; i++) {
      const factor = a[i * m + k] / diagonal;
      if (factor === 0) continue;
      for (let j = k; j < m; j++) a[i * m + j] -= factor * a[k * m + j];
      for (const x of xs) x[i] -= factor * x[k];
    }
  }
  for (const x of xs) {
    for (let i = m - 1; i >= 0; i--) {
      let sum = x[i];
      for (let j = i + 1; j < m; j++) sum -= a[i * m + j] * x[j];
      x[i] = sum / a[i * m + i];
    }
  }
  return xs;
}

/**
 * Gauss–Seidel from below and from above until every state's bounds meet; returns the widest relative gap left.
 * Each update is clamped so the bounds only ever tighten: both stay valid, whatever the rounding.
 */
function iterateBounds(
  system: ComponentSystem,
  exitLower: Float64Array,
  exitUpper: Float64Array,
  lo: Float64Array,
  hi: Float64Array,
): number {
  const { size, innerPtr, innerCol, innerProb } = system;
  for (;;) {
    let moved = false;
    let widest = 0;
    for (let i = 0; i < size; i++) {
      let a = exitLower[i];
      let b = exitUpper[i];
      for (let e = innerPtr[i]; e < innerPtr[i + 1]; e++) {
        const j = innerCol[e];
        a += innerProb[e] * lo[j];
        b += innerProb[e] * hi[j];
      }
      if (a < lo[i]) a = lo[i];
      if (b > hi[i]) b = hi[i];
      if (a !== lo[i] || b !== hi[i]) moved = true;
      lo[i] = a;
      hi[i] = b;
      const gap = b > 0 ? (b - a) / b : 0;
      if (gap > widest) widest = gap;
    }
    if (widest <= ABSORPTION_TOLERANCE || !moved) return widest;
  }
}
