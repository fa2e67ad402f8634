import type { AbsorbingChain } from "./markov-chain";

/**
 * Marks, bit k per reward, the unblocked states from which a state with positive reward k can be reached
 * without passing a blocked state; the expected reward k of every other state is exactly 0.
 */
export function findSupport(
  chain: AbsorbingChain,
  rewards: readonly Float64Array[],
  blocked: Uint8Array | null,
): Uint8Array {
  const n = chain.stateCount;
  const mask = new Uint8Array(n);
  const queue = new Int32Array(n);
  const { revPtr, revCol } = chain;
  rewards.forEach((reward, k) => {
    const bit = 1 << k;
    let tail = 0;
    for (let s = 0; s < n; s++) {
      if (reward[s] > 0 && !blocked?.[s]) {
        mask[s] |= bit;
        queue[tail++] = s;
      }
    }
    for (let head = 0; head < tail; head++) {
      const t = queue[head];
      for (let e = revPtr[t]; e < revPtr[t + 1]; e++) {
        const s = revCol[e];
        if ((mask[s] & bit) === 0 && !blocked?.[s]) {
          mask[s] |= bit;
          queue[tail++] = s;
        }
      }
    }
  });
  return mask;
}

/**
 * Tarjan's algorithm without recursion over the states with a non-zero mask. Components are reported sinks
 * first, so every component downstream of one is reported before it; members come latest-discovered first.
 */
export function forEachComponent(
  chain: AbsorbingChain,
  mask: Uint8Array,
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
    if (mask[root] === 0 || index[root] !== -1) continue;
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
        if (mask[w] === 0) continue;
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
