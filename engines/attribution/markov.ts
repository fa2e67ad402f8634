import { type AbsorptionBounds, solveAbsorption } from "./absorption";
import { buildMarkovChain, type MarkovChain } from "./markov-chain";
import { buildAttributionResult, sumPathTotals } from "./results";
import type { AttributionResult, PathTable } from "./types";

/** Options of the Markov model. */
export interface MarkovOptions {
  /** Channels per state (k); 1 by default. */
  order?: number;
}

/** Figures of the solved chain, for people who check the model. */
export interface MarkovDiagnostics {
  stateCount: number;
  transitionCount: number;
  /** P(conversion) from the start state of the full chain. */
  conversionProbability: number;
  /** Value removal effects by channel name: 1 − E[value without the channel] / E[value]. */
  valueRemovalEffects: Record<string, number>;
  /** Proven bound on the error of any removal effect (conversion or value). */
  maxRemovalEffectError: number;
}

/** Markov attribution: the common result plus diagnostics. */
export interface MarkovResult extends AttributionResult {
  diagnostics: MarkovDiagnostics;
}

interface StartBounds {
  low: number;
  high: number;
}

/**
 * Computes k-order Markov attribution with exact removal effects: each channel's removal redirects every state
 * containing it to null, and P(conversion) is found by solving the absorbing chain, not by simulation.
 * Credit is removal effect / Σ removal effects × total; value uses value removal effects, each conversion
 * carrying the mean value per conversion of its last state.
 */
export function computeMarkovModel(table: PathTable, options: MarkovOptions = {}): MarkovResult {
  const order = options.order ?? 1;
  const chain = buildMarkovChain(table, order);
  const totals = sumPathTotals(table);
  const channelCount = table.channels.length;
  const statesOf = listStatesByChannel(chain, channelCount);
  const [conversion, value] = computeRemovalEffects(
    chain,
    statesOf,
    channelCount,
    [chain.conversionRate, chain.valueRate],
    [1, chain.maxMeanValue],
    [totals.conversions, totals.value],
  );
  const result = buildAttributionResult(
    "markov",
    order,
    table.channels,
    totals,
    distribute(conversion.effects, totals.conversions),
    distribute(value.effects, totals.value),
    conversion.effects,
  );
  const idOf = new Map(table.channels.map((name, id) => [name, id]));
  const valueRemovalEffects: Record<string, number> = {};
  for (const credit of result.channels)
    valueRemovalEffects[credit.channel] = value.effects[idOf.get(credit.channel) ?? 0];
  return {
    ...result,
    diagnostics: {
      stateCount: chain.stateCount,
      transitionCount: chain.transitionCount,
      conversionProbability: conversion.base,
      valueRemovalEffects,
      maxRemovalEffectError: Math.max(conversion.maxError, value.maxError),
    },
  };
}

/** Lists, for every channel, the states whose window contains it (CSR by channel id). */
function listStatesByChannel(chain: MarkovChain, channelCount: number): { ptr: Int32Array; states: Int32Array } {
  const { stateOffsets, stateSteps, stateCount } = chain;
  const last = new Int32Array(channelCount).fill(-1);
  const ptr = new Int32Array(channelCount + 1);
  const forEachPair = (visit: (channel: number, state: number) => void) => {
    last.fill(-1);
    for (let s = 0; s < stateCount; s++) {
      for (let i = stateOffsets[s]; i < stateOffsets[s + 1]; i++) {
        const c = stateSteps[i];
        if (last[c] === s) continue;
        last[c] = s;
        visit(c, s);
      }
    }
  };
  forEachPair((c) => ptr[c + 1]++);
  for (let c = 0; c < channelCount; c++) ptr[c + 1] += ptr[c];
  const cursor = ptr.slice(0, channelCount);
  const states = new Int32Array(ptr[channelCount]);
  forEachPair((c, s) => {
    states[cursor[c]++] = s;
  });
  return { ptr, states };
}

interface RemovalEffects {
  effects: Float64Array;
  base: number;
  maxError: number;
}

/** Removal effect of every channel for each reward (conversions, value), with a proven error bound. */
function computeRemovalEffects(
  chain: MarkovChain,
  statesOf: { ptr: Int32Array; states: Int32Array },
  channelCount: number,
  rewards: Float64Array[],
  rewardBounds: number[],
  observedTotals: number[],
): RemovalEffects[] {
  const results = rewards.map(() => ({ effects: new Float64Array(channelCount), base: 0, maxError: 0 }));
  // Rewards nobody observed stay at zero: solving for them would only add work.
  const live = rewards.map((_, k) => k).filter((k) => observedTotals[k] > 0);
  if (live.length === 0 || chain.stateCount === 0) return results;
  const full = solveAbsorption(
    chain,
    live.map((k) => rewards[k]),
    null,
    live.map((k) => rewardBounds[k]),
  );
  const base = full.map((bounds) => boundStart(chain, bounds));
  live.forEach((k, i) => {
    results[k].base = (base[i].low + base[i].high) / 2;
  });
  const blocked = new Uint8Array(chain.stateCount);
  for (let c = 0; c < channelCount; c++) {
    const from = statesOf.ptr[c];
    const to = statesOf.ptr[c + 1];
    if (from === to) continue;
    for (let i = from; i < to; i++) blocked[statesOf.states[i]] = 1;
    // The full chain's upper bounds stay upper bounds once states are removed: removal only lowers x.
    const removed = solveAbsorption(
      chain,
      live.map((k) => rewards[k]),
      blocked,
      full.map((bounds) => bounds.upper),
    );
    for (let i = from; i < to; i++) blocked[statesOf.states[i]] = 0;
    live.forEach((k, i) => {
      if (base[i].high === 0) return;
      const without = boundStart(chain, removed[i]);
      const effect = 1 - (without.low + without.high) / (base[i].low + base[i].high);
      results[k].effects[c] = Math.min(1, Math.max(0, effect));
      const width = without.high / base[i].low - without.low / base[i].high;
      if (width > results[k].maxError) results[k].maxError = width;
    });
  }
  return results;
}

/** Bounds the expected reward from the start state. */
function boundStart(chain: MarkovChain, bounds: AbsorptionBounds): StartBounds {
  let low = 0;
  let high = 0;
  for (let s = 0; s < chain.stateCount; s++) {
    low += chain.startProb[s] * bounds.lower[s];
    high += chain.startProb[s] * bounds.upper[s];
  }
  return { low, high };
}

/** Shares a total in proportion to the removal effects. */
function distribute(effects: Float64Array, total: number): Float64Array {
  let sum = 0;
  for (const effect of effects) sum += effect;
  const shares = new Float64Array(effects.length);
  if (sum === 0) return shares;
  for (let c = 0; c < effects.length; c++) shares[c] = (effects[c] / sum) * total;
  return shares;
}
