import { AttributionInputError } from "./errors";
import { GrowableInt32 } from "./growable";
import { ByteKeyTable } from "./key-table";
import { createPathAggregator } from "./paths";
import { buildAttributionResult } from "./results";
import type { AttributionResult, AttributionTotals, PathTable } from "./types";
import { encodeUtf8 } from "./utf8";

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
  /** Returns the id of the journey named by the UTF-8 bytes[start … end − 1], registering it on first sight. */
  internJourney(bytes: Uint8Array, start: number, end: number): number;
  /** Returns the id of the channel named by the UTF-8 bytes[start … end − 1], registering it on first sight. */
  internChannel(bytes: Uint8Array, start: number, end: number): number;
  /** addTouchpoint for ids from internJourney and internChannel: the fast path of file readers. */
  addTouchpointById(journey: number, time: number, channel: number): void;
  /** addConversion for a journey id from internJourney. */
  addConversionById(journey: number, time: number, value: number): void;
  /** Builds the paths and the time-decay attribution; call it once. */
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
  private readonly journeyIds = new ByteKeyTable();
  private readonly channelKeys = new ByteKeyTable();
  private readonly channelIds = new GrowableInt32(64);
  private readonly touches = new EventLog(1 << 16);
  private readonly conversions = new EventLog(1 << 10);
  private finished = false;

  constructor(
    private readonly lookbackMs: number,
    private readonly halfLifeMs: number,
  ) {}

  addTouchpoint(journeyId: string, time: number, channel: string): void {
    const journey = encodeUtf8(journeyId);
    const name = encodeUtf8(channel);
    this.addTouchpointById(
      this.internJourney(journey, 0, journey.length),
      time,
      this.internChannel(name, 0, name.length),
    );
  }

  addConversion(journeyId: string, time: number, value: number): void {
    const journey = encodeUtf8(journeyId);
    this.addConversionById(this.internJourney(journey, 0, journey.length), time, value);
  }

  internJourney(bytes: Uint8Array, start: number, end: number): number {
    if (start === end) throw new AttributionInputError("journey id is empty");
    return this.journeyIds.idOf(bytes, start, end);
  }

  internChannel(bytes: Uint8Array, start: number, end: number): number {
    if (start === end) throw new AttributionInputError("channel name is empty");
    const key = this.channelKeys.idOf(bytes, start, end);
    if (key === this.channelIds.length) this.channelIds.push(this.paths.internChannel(this.channelKeys.keyOf(key)));
    return this.channelIds.data[key];
  }

  addTouchpointById(journey: number, time: number, channel: number): void {
    if (!(journey >= 0 && journey < this.journeyIds.size)) throw new RangeError(`unknown journey id ${journey}`);
    if (!(channel >= 0 && channel < this.paths.channelCount)) throw new RangeError(`unknown channel id ${channel}`);
    if (!Number.isFinite(time)) throw new AttributionInputError(`timestamp must be a finite time, got ${time}`);
    this.touches.add(journey, time, channel);
  }

  addConversionById(journey: number, time: number, value: number): void {
    if (!(journey >= 0 && journey < this.journeyIds.size)) throw new RangeError(`unknown journey id ${journey}`);
    if (!Number.isFinite(time)) throw new AttributionInputError(`timestamp must be a finite time, got ${time}`);
    if (!(value >= 0 && Number.isFinite(value))) {
      throw new AttributionInputError(`value must be a finite number ≥ 0, got ${value}`);
    }
    this.conversions.add(journey, time, value);
  }

  finish(): JourneyAggregation {
    if (this.finished) throw new Error("finish() was already called on this journey aggregator");
    this.finished = true;
    const journeyCount = this.journeyIds.size;
    const touches = groupByJourney(this.touches, journeyCount);
    const conversions = groupByJourney(this.conversions, journeyCount);
    const tTime = this.touches.time;
    const tChannel = this.touches.payload;
    const cTime = this.conversions.time;
    const cValue = this.conversions.payload;
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
      touchpointCount: this.touches.length,
      conversionCount: this.conversions.length,
    };
  }
}

/** Row indices grouped by journey (counting sort), each group in time order, input order among equal times. */
function groupByJourney(
  events: EventLog,
  journeyCount: number,
): { start: Int32Array; order: Int32Array; longest: number } {
  const count = events.length;
  const journey = events.journey;
  const time = events.time;
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

/** Events (touches or conversions) in arrival order: journey, time and a channel id or a value. */
class EventLog {
  journey: Int32Array;
  time: Float64Array;
  payload: Float64Array;
  length = 0;

  constructor(capacity: number) {
    this.journey = new Int32Array(capacity);
    this.time = new Float64Array(capacity);
    this.payload = new Float64Array(capacity);
  }

  add(journey: number, time: number, payload: number): void {
    if (this.length === this.journey.length) this.grow();
    this.journey[this.length] = journey;
    this.time[this.length] = time;
    this.payload[this.length] = payload;
    this.length++;
  }

  private grow(): void {
    const capacity = this.journey.length * 2;
    const journey = new Int32Array(capacity);
    const time = new Float64Array(capacity);
    const payload = new Float64Array(capacity);
    journey.set(this.journey);
    time.set(this.time);
    payload.set(this.payload);
    this.journey = journey;
    this.time = time;
    this.payload = payload;
  }
}
