import { AttributionInputError } from "./errors";
import { GrowableFloat64, GrowableInt32 } from "./growable";
import { createPathAggregator } from "./paths";
import { buildAttributionResult } from "./results";
import type { AttributionResult, AttributionTotals, PathTable } from "./types";

const MS_PER_DAY = 86_400_000;

/** How raw touchpoints become paths. */
export interface JourneyOptions {
  /** Only touches at most this many days before a conversion count towards it; 30 by default. */
  lookbackDays?: number;
  /** Half-life of the time-decay model in days; 7 by default. */
  halfLifeDays?: number;
}

/** Paths and time-decay attribution built from raw touchpoints and conversions. */
export interface JourneyAggregation {
  paths: PathTable;
  timeDecay: AttributionResult;
  /** Conversions without any touchpoint in their lookback window: they cannot be attributed. */
  unmatched: AttributionTotals;
  journeyCount: number;
  touchpointCount: number;
  conversionCount: number;
}

/** Accepts touchpoints and conversions one at a time, in any order, and groups them into paths at the end. */
export interface JourneyAggregator {
  /** Records that a journey touched a channel at a time (ms since the epoch). */
  addTouchpoint(journeyId: string, time: number, channel: string): void;
  /** Records that a journey converted at a time (ms since the epoch) with a value ≥ 0. */
  addConversion(journeyId: string, time: number, value: number): void;
  /** Builds the paths and the time-decay attribution. */
  finish(): JourneyAggregation;
}

/**
 * Creates a journey aggregator. Each journey's touches, in time order, are cut at its conversions: a conversion
 * takes the touches after the previous conversion, up to and including its own time, that lie within the
 * lookback window; conversions at the same time share one path. Touches after the last conversion form one
 * non-converting path (within the lookback window before the last of them).
 */
export function createJourneyAggregator(options: JourneyOptions = {}): JourneyAggregator {
  const lookbackDays = options.lookbackDays ?? 30;
  const halfLifeDays = options.halfLifeDays ?? 7;
  if (!(lookbackDays >= 0)) throw new RangeError(`lookbackDays must be ≥ 0, got ${lookbackDays}`);
  if (!(halfLifeDays > 0 && Number.isFinite(halfLifeDays))) {
    throw new RangeError(`halfLifeDays must be a finite number > 0, got ${halfLifeDays}`);
  }
  return new Aggregator(lookbackDays * MS_PER_DAY, halfLifeDays * MS_PER_DAY);
}

class Aggregator implements JourneyAggregator {
  private readonly paths = createPathAggregator();
  private readonly journeyIds = new Map<string, number>();
  private lastJourneyId = "";
  private lastJourney = -1;
  private readonly touchJourney = new GrowableInt32(1 << 16);
  private readonly touchTime = new GrowableFloat64(1 << 16);
  private readonly touchChannel = new GrowableInt32(1 << 16);
  private readonly conversionJourney = new GrowableInt32();
  private readonly conversionTime = new GrowableFloat64();
  private readonly conversionValue = new GrowableFloat64();

  constructor(
    private readonly lookbackMs: number,
    private readonly halfLifeMs: number,
  ) {}

  addTouchpoint(journeyId: string, time: number, channel: string): void {
    if (!Number.isFinite(time)) throw new AttributionInputError(`timestamp must be a finite time, got ${time}`);
    const journey = this.internJourney(journeyId);
    const channelId = this.paths.internChannel(channel);
    this.touchJourney.push(journey);
    this.touchTime.push(time);
    this.touchChannel.push(channelId);
  }

  addConversion(journeyId: string, time: number, value: number): void {
    if (!Number.isFinite(time)) throw new AttributionInputError(`timestamp must be a finite time, got ${time}`);
    if (!(value >= 0 && Number.isFinite(value))) {
      throw new AttributionInputError(`value must be a finite number ≥ 0, got ${value}`);
    }
    this.conversionJourney.push(this.internJourney(journeyId));
    this.conversionTime.push(time);
    this.conversionValue.push(value);
  }

  finish(): JourneyAggregation {
    const journeyCount = this.journeyIds.size;
    const touches = groupByJourney(this.touchJourney, this.touchTime.data, journeyCount);
    const conversions = groupByJourney(this.conversionJourney, this.conversionTime.data, journeyCount);
    const tTime = this.touchTime.data;
    const tChannel = this.touchChannel.data;
    const cTime = this.conversionTime.data;
    const cValue = this.conversionValue.data;
    const ids = new Int32Array(Math.max(1, touches.longest));
    const decay = new Float64Array(ids.length);
    const conversionCredit = new Float64Array(this.paths.channelCount);
    const valueCredit = new Float64Array(this.paths.channelCount);
    const unmatched = { conversions: 0, value: 0 };
    const lookback = this.lookbackMs;
    const decayRate = Math.LN2 / this.halfLifeMs;
    const addPath = (from: number, to: number, converted: number, value: number) => {
      const latest = tTime[touches.order[to - 1]];
      let weightSum = 0;
      for (let i = from; i < to; i++) {
        const t = touches.order[i];
        ids[i - from] = tChannel[t];
        // Relative to the latest touch, so long gaps never underflow every weight to zero.
        decay[i - from] = Math.exp(-decayRate * (latest - tTime[t]));
        weightSum += decay[i - from];
      }
      this.paths.addPath(ids, to - from, converted, value, converted > 0 ? 0 : 1);
      if (converted === 0) return;
      for (let i = 0; i < to - from; i++) {
        const share = decay[i] / weightSum;
        conversionCredit[ids[i]] += converted * share;
        valueCredit[ids[i]] += value * share;
      }
    };
    for (let j = 0; j < journeyCount; j++) {
      let next = touches.start[j];
      const touchEnd = touches.start[j + 1];
      let c = conversions.start[j];
      const conversionEnd = conversions.start[j + 1];
      while (c < conversionEnd) {
        const at = cTime[conversions.order[c]];
        let converted = 0;
        let value = 0;
        while (c < conversionEnd && cTime[conversions.order[c]] === at) {
          converted++;
          value += cValue[conversions.order[c]];
          c++;
        }
        let from = next;
        while (next < touchEnd && tTime[touches.order[next]] <= at) next++;
        while (from < next && tTime[touches.order[from]] < at - lookback) from++;
        if (from === next) {
          unmatched.conversions += converted;
          unmatched.value += value;
        } else {
          addPath(from, next, converted, value);
        }
      }
      if (next < touchEnd) {
        const latest = tTime[touches.order[touchEnd - 1]];
        while (tTime[touches.order[next]] < latest - lookback) next++;
        addPath(next, touchEnd, 0, 0);
      }
    }
    const paths = this.paths.finish();
    let matchedConversions = 0;
    let matchedValue = 0;
    for (let p = 0; p < paths.pathCount; p++) {
      matchedConversions += paths.conversions[p];
      matchedValue += paths.values[p];
    }
    const totals = { conversions: matchedConversions, value: matchedValue };
    return {
      paths,
      timeDecay: buildAttributionResult("time-decay", null, paths.channels, totals, conversionCredit, valueCredit),
      unmatched,
      journeyCount,
      touchpointCount: this.touchTime.length,
      conversionCount: this.conversionTime.length,
    };
  }

  private internJourney(journeyId: string): number {
    // Rows usually arrive grouped by journey: skip the map lookup while the journey repeats.
    if (journeyId === this.lastJourneyId && this.lastJourney >= 0) return this.lastJourney;
    if (journeyId === "") throw new AttributionInputError("journey id is empty");
    let id = this.journeyIds.get(journeyId);
    if (id === undefined) {
      id = this.journeyIds.size;
      this.journeyIds.set(journeyId, id);
    }
    this.lastJourneyId = journeyId;
    this.lastJourney = id;
    return id;
  }
}

/** Row indices grouped by journey (counting sort), each group in time order, input order among equal times. */
function groupByJourney(
  journeys: GrowableInt32,
  time: Float64Array,
  journeyCount: number,
): { start: Int32Array; order: Int32Array; longest: number } {
  const count = journeys.length;
  const journey = journeys.data;
  const start = new Int32Array(journeyCount + 1);
  for (let i = 0; i < count; i++) start[journey[i] + 1]++;
  let longest = 0;
  for (let j = 0; j < journeyCount; j++) {
    if (start[j + 1] > longest) longest = start[j + 1];
    start[j + 1] += start[j];
  }
  const cursor = start.slice(0, journeyCount);
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[cursor[journey[i]]++] = i;
  for (let j = 0; j < journeyCount; j++) {
    const from = start[j];
    const to = start[j + 1];
    let sorted = true;
    for (let i = from + 1; i < to && sorted; i++) sorted = time[order[i - 1]] <= time[order[i]];
    if (sorted) continue;
    const group = Array.from(order.subarray(from, to));
    group.sort((a, b) => time[a] - time[b] || a - b);
    order.set(group, from);
  }
  return { start, order, longest };
}
