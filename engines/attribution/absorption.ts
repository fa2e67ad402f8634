import { findSupport, forEachComponent } from "./components";
import type { AbsorbingChain } from "./markov-chain";

/** Lower and upper bounds on the expected reward x of every state for one reward; x lies between them. */
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
 * Solves x = r + Q·x, for each reward vector r ≥ 0, for the expected reward x collected from every state until
 * absorption, where Q holds the transient transitions of `chain` and blocked states are redirected to a
 * zero-reward sink (their x is 0). `initialUpper[k]` must bound x for reward k from above (a number or a
 * vector; any upper bound will do, a tighter one saves iterations).
 *
 * States are split into strongly connected components, solved sinks first: small components by Gaussian
 * elimination, large ones by Gauss–Seidel run from below (from 0) and from above (from `initialUpper`) at
 * once. Both runs are monotone, so the true x always lies between them, and iteration stops only when they
 * meet to ABSORPTION_TOLERANCE (or stop moving in floating point): there is no step cap.
 */
export function solveAbsorption(
  chain: AbsorbingChain,
  rewards: readonly Float64Array[],
  blocked: Uint8Array | null,
  initialUpper: readonly (Float64Array | number)[],
): AbsorptionBounds[] {
  const mask = findSupport(chain, rewards, blocked);
  const solver = new ComponentSolver(chain, rewards, mask, initialUpper);
  forEachComponent(chain, mask, (members, size) => solver.solve(members, size));
  return rewards.map((_, k) => ({
    lower: solver.lower[k],
    upper: solver.upper[k],
    maxRelativeGap: solver.maxRelativeGap[k],
  }));
}

/** Solves one component at a time, given that every component downstream of it is solved. */
class ComponentSolver {
  readonly lower: Float64Array[];
  readonly upper: Float64Array[];
  readonly maxRelativeGap: number[];
  private readonly k: number;
  private readonly component: Int32Array;
  private readonly local: Int32Array;
  private componentId = 0;

  constructor(
    private readonly chain: AbsorbingChain,
    private readonly rewards: readonly Float64Array[],
    private readonly mask: Uint8Array,
    private readonly initialUpper: readonly (Float64Array | number)[],
  ) {
    const n = chain.stateCount;
    this.k = rewards.length;
    this.lower = rewards.map(() => new Float64Array(n));
    this.upper = rewards.map(() => new Float64Array(n));
    this.maxRelativeGap = rewards.map(() => 0);
    this.component = new Int32Array(n).fill(-1);
    this.local = new Int32Array(n);
  }

  solve(members: Int32Array, size: number): void {
    const id = this.componentId++;
    const { rowPtr, col, prob } = this.chain;
    const { k: rewardCount, lower, upper } = this;
    // Members of one component reach the same states, so they share one support mask.
    const support = this.mask[members[0]];
    // In id order, neighbours in the chain tend to be neighbours in memory (see buildMarkovChain).
    if (size > DENSE_LIMIT) members.subarray(0, size).sort();
    for (let i = 0; i < size; i++) {
      this.component[members[i]] = id;
      this.local[members[i]] = i;
    }
    // Reward for leaving the component, bounded through the solved states downstream; [i·K + k].
    const exitLower = new Float64Array(size * rewardCount);
    const exitUpper = new Float64Array(size * rewardCount);
    const innerPtr = new Int32Array(size + 1);
    let innerCount = 0;
    for (let i = 0; i < size; i++) {
      const s = members[i];
      for (let k = 0; k < rewardCount; k++)
        exitLower[i * rewardCount + k] = exitUpper[i * rewardCount + k] = this.rewards[k][s];
      for (let e = rowPtr[s]; e < rowPtr[s + 1]; e++) {
        const t = col[e];
        if (this.component[t] === id) {
          innerCount++;
        } else if (this.mask[t] !== 0) {
          for (let k = 0; k < rewardCount; k++) {
            exitLower[i * rewardCount + k] += prob[e] * lower[k][t];
            exitUpper[i * rewardCount + k] += prob[e] * upper[k][t];
          }
        }
      }
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
    const system = { size, rewardCount, innerPtr, innerCol, innerProb };
    // Bounds of the component, [(i·K + k)·2] lower and [(i·K + k)·2 + 1] upper.
    let bounds: Float64Array;
    if (size <= DENSE_LIMIT) {
      bounds = solveDense(system, exitLower, exitUpper);
    } else {
      bounds = new Float64Array(size * rewardCount * 2);
      for (let i = 0; i < size; i++) {
        for (let k = 0; k < rewardCount; k++) {
          const bound = this.initialUpper[k];
          const start = typeof bound === "number" ? bound : bound[members[i]];
          // Outside the support x is exactly 0: start there rather than creep down towards it.
          bounds[(i * rewardCount + k) * 2 + 1] = (support >> k) & 1 ? start : 0;
        }
      }
      const gaps = iterateBounds(system, exitLower, exitUpper, bounds);
      for (let k = 0; k < rewardCount; k++) this.maxRelativeGap[k] = Math.max(this.maxRelativeGap[k], gaps[k]);
    }
    for (let i = 0; i < size; i++) {
      for (let k = 0; k < rewardCount; k++) {
        const inSupport = (support >> k) & 1;
        lower[k][members[i]] = inSupport ? bounds[(i * rewardCount + k) * 2] : 0;
        upper[k][members[i]] = inSupport ? bounds[(i * rewardCount + k) * 2 + 1] : 0;
      }
    }
  }
}

/** The transitions inside one component, in local indices. */
interface ComponentSystem {
  size: number;
  rewardCount: number;
  innerPtr: Int32Array;
  innerCol: Int32Array;
  innerProb: Float64Array;
}

/** Solves (I − Q)·x = b for the lower and upper exit rewards by Gaussian elimination with partial pivoting. */
function solveDense(system: ComponentSystem, exitLower: Float64Array, exitUpper: Float64Array): Float64Array {
  const { size: m, rewardCount } = system;
  const width = rewardCount * 2;
  const a = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    a[i * m + i] = 1;
    for (let e = system.innerPtr[i]; e < system.innerPtr[i + 1]; e++)
      a[i * m + system.innerCol[e]] -= system.innerProb[e];
  }
  // Right-hand sides side by side, laid out like the bounds: x[i·width + 2k] lower, + 1 upper.
  const x = new Float64Array(m * width);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < rewardCount; k++) {
      x[i * width + 2 * k] = exitLower[i * rewardCount + k];
      x[i * width + 2 * k + 1] = exitUpper[i * rewardCount + k];
    }
  }
  for (let c = 0; c < m; c++) {
    let pivot = c;
    for (let i = c + 1; i < m; i++) if (Math.abs(a[i * m + c]) > Math.abs(a[pivot * m + c])) pivot = i;
    if (pivot !== c) {
      swapRows(a, m, c, pivot);
      swapRows(x, width, c, pivot);
    }
    const diagonal = a[c * m + c];
    for (let i = c + 1; i < m; i++) {
      const factor = a[i * m + c] / diagonal;
      if (factor === 0) continue;
      for (let j = c; j < m; j++) a[i * m + j] -= factor * a[c * m + j];
      for (let j = 0; j < width; j++) x[i * width + j] -= factor * x[c * width + j];
    }
  }
  for (let i = m - 1; i >= 0; i--) {
    for (let j = i + 1; j < m; j++) {
      const factor = a[i * m + j];
      if (factor !== 0) for (let r = 0; r < width; r++) x[i * width + r] -= factor * x[j * width + r];
    }
    for (let r = 0; r < width; r++) x[i * width + r] /= a[i * m + i];
  }
  // Rounding may leave a lower bound a hair below 0 or above its upper bound.
  for (let at = 0; at < x.length; at += 2) {
    if (x[at] < 0) x[at] = 0;
    if (x[at + 1] < x[at]) x[at + 1] = x[at];
  }
  return x;
}

function swapRows(matrix: Float64Array, width: number, a: number, b: number): void {
  for (let j = 0; j < width; j++) {
    const t = matrix[a * width + j];
    matrix[a * width + j] = matrix[b * width + j];
    matrix[b * width + j] = t;
  }
}

/**
 * Gauss–Seidel from below and from above, for all rewards in one pass over the transitions, until every
 * state's bounds meet; returns the widest relative gap left per reward. Each update is clamped so bounds
 * only ever tighten: both stay valid whatever the rounding, and the loop ends once nothing moves.
 */
function iterateBounds(
  system: ComponentSystem,
  exitLower: Float64Array,
  exitUpper: Float64Array,
  x: Float64Array,
): number[] {
  const widest = new Float64Array(system.rewardCount);
  const sweep = system.rewardCount === 1 ? sweepOne : system.rewardCount === 2 ? sweepTwo : sweepAny;
  for (;;) {
    widest.fill(0);
    const moved = sweep(system, exitLower, exitUpper, x, widest);
    if (!moved || widest.every((gap) => gap <= ABSORPTION_TOLERANCE)) return Array.from(widest);
  }
}

type Sweep = (
  system: ComponentSystem,
  exitLower: Float64Array,
  exitUpper: Float64Array,
  x: Float64Array,
  widest: Float64Array,
) => boolean;

// The sweeps for one and two rewards are written out: they are the hot loop of the Markov model.
const sweepOne: Sweep = ({ size, innerPtr, innerCol, innerProb }, exitLower, exitUpper, x, widest) => {
  let moved = false;
  let gapMax = widest[0];
  for (let i = 0; i < size; i++) {
    let lo = exitLower[i];
    let hi = exitUpper[i];
    for (let e = innerPtr[i]; e < innerPtr[i + 1]; e++) {
      const p = innerProb[e];
      const at = innerCol[e] * 2;
      lo += p * x[at];
      hi += p * x[at + 1];
    }
    const at = i * 2;
    if (lo < x[at]) lo = x[at];
    if (hi > x[at + 1]) hi = x[at + 1];
    if (lo !== x[at] || hi !== x[at + 1]) moved = true;
    x[at] = lo;
    x[at + 1] = hi;
    const gap = hi > 0 ? (hi - lo) / hi : 0;
    if (gap > gapMax) gapMax = gap;
  }
  widest[0] = gapMax;
  return moved;
};

const sweepTwo: Sweep = ({ size, innerPtr, innerCol, innerProb }, exitLower, exitUpper, x, widest) => {
  let moved = false;
  let gapMax0 = widest[0];
  let gapMax1 = widest[1];
  for (let i = 0; i < size; i++) {
    let lo0 = exitLower[2 * i];
    let hi0 = exitUpper[2 * i];
    let lo1 = exitLower[2 * i + 1];
    let hi1 = exitUpper[2 * i + 1];
    for (let e = innerPtr[i]; e < innerPtr[i + 1]; e++) {
      const p = innerProb[e];
      const at = innerCol[e] * 4;
      lo0 += p * x[at];
      hi0 += p * x[at + 1];
      lo1 += p * x[at + 2];
      hi1 += p * x[at + 3];
    }
    const at = i * 4;
    if (lo0 < x[at]) lo0 = x[at];
    if (hi0 > x[at + 1]) hi0 = x[at + 1];
    if (lo1 < x[at + 2]) lo1 = x[at + 2];
    if (hi1 > x[at + 3]) hi1 = x[at + 3];
    if (lo0 !== x[at] || hi0 !== x[at + 1] || lo1 !== x[at + 2] || hi1 !== x[at + 3]) moved = true;
    x[at] = lo0;
    x[at + 1] = hi0;
    x[at + 2] = lo1;
    x[at + 3] = hi1;
    const gap0 = hi0 > 0 ? (hi0 - lo0) / hi0 : 0;
    const gap1 = hi1 > 0 ? (hi1 - lo1) / hi1 : 0;
    if (gap0 > gapMax0) gapMax0 = gap0;
    if (gap1 > gapMax1) gapMax1 = gap1;
  }
  widest[0] = gapMax0;
  widest[1] = gapMax1;
  return moved;
};

const sweepAny: Sweep = ({ size, rewardCount, innerPtr, innerCol, innerProb }, exitLower, exitUpper, x, widest) => {
  const width = rewardCount * 2;
  const next = new Float64Array(width);
  let moved = false;
  for (let i = 0; i < size; i++) {
    for (let k = 0; k < rewardCount; k++) {
      next[2 * k] = exitLower[i * rewardCount + k];
      next[2 * k + 1] = exitUpper[i * rewardCount + k];
    }
    for (let e = innerPtr[i]; e < innerPtr[i + 1]; e++) {
      const at = innerCol[e] * width;
      for (let j = 0; j < width; j++) next[j] += innerProb[e] * x[at + j];
    }
    for (let k = 0; k < rewardCount; k++) {
      const at = i * width + 2 * k;
      const lo = Math.max(next[2 * k], x[at]);
      const hi = Math.min(next[2 * k + 1], x[at + 1]);
      if (lo !== x[at] || hi !== x[at + 1]) moved = true;
      x[at] = lo;
      x[at + 1] = hi;
      const gap = hi > 0 ? (hi - lo) / hi : 0;
      if (gap > widest[k]) widest[k] = gap;
    }
  }
  return moved;
};
