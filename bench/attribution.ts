// Benchmark of the attribution engine (issue 5): node --import tsx bench/attribution.ts
// BENCH_SCALE=0.1 runs a tenth of the data for a quick check. Figures go to bench/results/attribution.json.
import {
  closeSync,
  createReadStream,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  computeHeuristicModels,
  computeMarkovModel,
  computeShapleyModel,
  createConversionsCsvReader,
  createJourneyAggregator,
  createTouchpointsCsvReader,
} from "#engines/attribution";
import { streamFileToSink } from "../server/src/cli/attribution";

const SCALE = Number(process.env.BENCH_SCALE ?? "1");
const JOURNEYS = Math.round(1_000_000 * SCALE);
const TOUCHPOINTS = 5 * JOURNEYS;
const CHANNELS = [
  "paid_search",
  "organic_search",
  "email",
  "display",
  "paid_social",
  "organic_social",
  "affiliate",
  "direct",
  "referral",
  "video",
  "podcast",
  "tv",
  "radio",
  "print",
  "sms",
  "push",
  "webinar",
  "events",
  "partner",
  "retargeting",
];
// Journeys are written in blocks whose touches are sorted by time, like an event log, so rows of one journey
// are interleaved with others and the reader cannot rely on them arriving together.
const BLOCK = 500;

/** A small seeded PRNG (mulberry32): the same data on every run and machine. */
function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes touchpoints and conversions CSVs with exactly TOUCHPOINTS touches over JOURNEYS journeys. */
function generateData(folder: string): { touchpointsPath: string; conversionsPath: string; conversions: number } {
  const random = createRandom(20240501);
  const popularity = CHANNELS.map((_, i) => 1 / (i + 1) ** 0.8);
  const cumulative: number[] = [];
  popularity.reduce((sum, p, i) => (cumulative[i] = sum + p), 0);
  const totalPopularity = cumulative[cumulative.length - 1];
  const lift = CHANNELS.map(() => 0.005 + random() * 0.05);
  const pickChannel = () => {
    const u = random() * totalPopularity;
    let i = 0;
    while (cumulative[i] < u) i++;
    return i;
  };
  // Lengths 1 + geometric (mean 5), then nudged so the total is exactly TOUCHPOINTS.
  const lengths = new Uint8Array(JOURNEYS);
  let total = 0;
  for (let j = 0; j < JOURNEYS; j++) {
    lengths[j] = Math.min(40, 1 + Math.floor(Math.log(1 - random()) / Math.log(0.8)));
    total += lengths[j];
  }
  for (let j = 0; total !== TOUCHPOINTS; j = (j + 7919) % JOURNEYS) {
    if (total < TOUCHPOINTS && lengths[j] < 40) {
      lengths[j]++;
      total++;
    } else if (total > TOUCHPOINTS && lengths[j] > 1) {
      lengths[j]--;
      total--;
    }
  }
  const touchpointsPath = join(folder, "touchpoints.csv");
  const conversionsPath = join(folder, "conversions.csv");
  const touchFile = openSync(touchpointsPath, "w");
  const conversionFile = openSync(conversionsPath, "w");
  writeSync(touchFile, "journey_id,timestamp,channel\n");
  writeSync(conversionFile, "journey_id,timestamp,value\n");
  const year = Date.UTC(2024, 0, 1);
  let conversions = 0;
  for (let first = 0; first < JOURNEYS; first += BLOCK) {
    const rows: { time: number; line: string }[] = [];
    let conversionText = "";
    for (let j = first; j < Math.min(JOURNEYS, first + BLOCK); j++) {
      const id = `j${j.toString(36)}`;
      let time = year + Math.floor(random() * 330 * 86_400_000);
      let miss = 1;
      for (let t = 0; t < lengths[j]; t++) {
        const channel = pickChannel();
        miss *= 1 - lift[channel];
        rows.push({ time, line: `${id},${new Date(time).toISOString().slice(0, 19)}Z,${CHANNELS[channel]}\n` });
        time += Math.floor(-Math.log(1 - random()) * 1.5 * 86_400_000);
      }
      if (random() < 1 - miss * 0.95) {
        conversions++;
        const at = new Date(time - Math.floor(random() * 3_600_000)).toISOString().slice(0, 19);
        conversionText += `${id},${at}Z,${(20 + 200 * random() ** 2).toFixed(2)}\n`;
      }
    }
    rows.sort((a, b) => a.time - b.time);
    writeSync(touchFile, rows.map((row) => row.line).join(""));
    writeSync(conversionFile, conversionText);
  }
  closeSync(touchFile);
  closeSync(conversionFile);
  return { touchpointsPath, conversionsPath, conversions };
}

/** Reference 1: stream the same file as text and split it into lines and fields, doing nothing with them. */
async function readAndSplit(path: string): Promise<number> {
  let fields = 0;
  let rest = "";
  for await (const chunk of createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 })) {
    const text = rest + (chunk as string);
    let from = 0;
    for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", from)) {
      fields += text.slice(from, at).split(",").length;
      from = at + 1;
    }
    rest = text.slice(from);
  }
  return fields;
}

/** Reference 2: a fixed CPU workload (sorting 2 million seeded numbers). */
function sortNumbers(): number {
  const random = createRandom(7);
  const numbers = new Float64Array(2_000_000);
  for (let i = 0; i < numbers.length; i++) numbers[i] = random();
  numbers.sort();
  return numbers[numbers.length >> 1];
}

let sampledPeak = 0;
function sampleMemory(): void {
  sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
}

async function time<T>(run: () => T | Promise<T>): Promise<{ seconds: number; value: T }> {
  sampleMemory();
  const start = performance.now();
  const value = await run();
  const seconds = (performance.now() - start) / 1000;
  sampleMemory();
  return { seconds, value };
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(os.tmpdir(), "tandem-bench-attribution-"));
  try {
    process.stdout.write(
      `Generating ${JOURNEYS.toLocaleString("en")} journeys / ${TOUCHPOINTS.toLocaleString("en")} touchpoints…\n`,
    );
    const data = generateData(folder);
    const fileMegabytes = statSync(data.touchpointsPath).size / 2 ** 20;
    const timer = setInterval(sampleMemory, 20);
    const rssBefore = process.memoryUsage().rss;

    const readReference = await time(() => readAndSplit(data.touchpointsPath));
    const cpuReference = await time(sortNumbers);

    const aggregate = await time(async () => {
      const journeys = createJourneyAggregator({ lookbackDays: 30, halfLifeDays: 7 });
      await streamFileToSink(data.conversionsPath, createConversionsCsvReader(journeys));
      await streamFileToSink(data.touchpointsPath, createTouchpointsCsvReader(journeys));
      const aggregation = journeys.finish();
      const heuristics = computeHeuristicModels(aggregation.paths);
      return { aggregation, heuristics };
    });
    const { paths } = aggregate.value.aggregation;
    const shapley = await time(() => computeShapleyModel(paths));
    const markov1 = await time(() => computeMarkovModel(paths, { order: 1 }));
    const markov2 = await time(() => computeMarkovModel(paths, { order: 2 }));
    const markov3 = await time(() => computeMarkovModel(paths, { order: 3 }));
    clearInterval(timer);
    sampleMemory();
    const maxRssBytes = process.resourceUsage().maxRSS * 1024;

    const ratio = (seconds: number, reference: number) => Math.round((seconds / reference) * 100) / 100;
    const rows = [
      {
        name: "stream touchpoints CSV → paths + first/last/linear/position/time-decay",
        seconds: aggregate.seconds,
        target: 3,
      },
      { name: "shapley on the aggregated paths", seconds: shapley.seconds, target: null },
      { name: "markov order 1 on the aggregated paths", seconds: markov1.seconds, target: 1 },
      { name: "markov order 2 on the aggregated paths", seconds: markov2.seconds, target: null },
      { name: "markov order 3 on the aggregated paths", seconds: markov3.seconds, target: 10 },
    ].map((row) => ({
      ...row,
      seconds: Math.round(row.seconds * 1000) / 1000,
      perReadReference: ratio(row.seconds, readReference.seconds),
      perCpuReference: ratio(row.seconds, cpuReference.seconds),
      pass: row.target === null ? null : row.seconds < row.target * Math.max(1, SCALE),
    }));
    const peakMegabytes = Math.round(Math.max(sampledPeak, maxRssBytes) / 2 ** 20);
    const aggregation = aggregate.value.aggregation;
    const results = {
      benchmark: "attribution",
      date: new Date().toISOString(),
      machine: {
        cpu: os.cpus()[0]?.model ?? "unknown",
        cores: os.cpus().length,
        totalMemoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
        node: process.version,
        os: `${os.type()} ${os.release()} ${os.arch()}`,
      },
      scale: SCALE,
      data: {
        journeys: JOURNEYS,
        touchpoints: aggregation.touchpointCount,
        conversions: aggregation.conversionCount,
        unmatchedConversions: aggregation.unmatched.conversions,
        distinctPaths: paths.pathCount,
        channels: paths.channels.length,
        touchpointsFileMB: Math.round(fileMegabytes),
        markovStates: {
          order1: markov1.value.diagnostics.stateCount,
          order2: markov2.value.diagnostics.stateCount,
          order3: markov3.value.diagnostics.stateCount,
        },
        markovTransitions: {
          order1: markov1.value.diagnostics.transitionCount,
          order2: markov2.value.diagnostics.transitionCount,
          order3: markov3.value.diagnostics.transitionCount,
        },
        maxRemovalEffectError: Math.max(
          markov1.value.diagnostics.maxRemovalEffectError,
          markov2.value.diagnostics.maxRemovalEffectError,
          markov3.value.diagnostics.maxRemovalEffectError,
        ),
      },
      references: {
        readAndSplitSeconds: Math.round(readReference.seconds * 1000) / 1000,
        cpuSortSeconds: Math.round(cpuReference.seconds * 1000) / 1000,
      },
      results: rows,
      memory: {
        peakRssMB: peakMegabytes,
        rssBeforeMeasuringMB: Math.round(rssBefore / 2 ** 20),
        targetMB: 1536,
        pass: peakMegabytes < 1536,
      },
    };

    const out = process.stdout;
    out.write(
      `\nAttribution benchmark — ${results.machine.cpu}, ${results.machine.cores} cores, Node ${process.version}, scale ${SCALE}\n`,
    );
    out.write(
      `data: ${results.data.touchpoints.toLocaleString("en")} touchpoints (${results.data.touchpointsFileMB} MB), ${results.data.conversions.toLocaleString("en")} conversions, ${results.data.distinctPaths.toLocaleString("en")} distinct paths\n`,
    );
    out.write(
      `references: read+split CSV ${results.references.readAndSplitSeconds} s, CPU sort ${results.references.cpuSortSeconds} s\n\n`,
    );
    const header = ["phase", "seconds", "× read+split", "× cpu sort", "target", ""];
    const table = rows.map((row) => [
      row.name,
      row.seconds.toFixed(3),
      row.perReadReference.toFixed(2),
      row.perCpuReference.toFixed(2),
      row.target === null ? "—" : `< ${row.target} s`,
      row.pass === null ? "" : row.pass ? "ok" : "SLOW",
    ]);
    table.push(["peak memory (RSS)", `${peakMegabytes} MB`, "", "", "< 1536 MB", results.memory.pass ? "ok" : "HIGH"]);
    const widths = header.map((_, i) => Math.max(header[i].length, ...table.map((r) => r[i].length)));
    for (const line of [header, ...table])
      out.write(`${line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ")}\n`);
    out.write(
      `states (order 1/2/3): ${Object.values(results.data.markovStates).join(" / ")}; max removal-effect error bound ${results.data.maxRemovalEffectError.toExponential(1)}\n`,
    );

    const resultsPath = join(dirname(fileURLToPath(import.meta.url)), "results", "attribution.json");
    mkdirSync(dirname(resultsPath), { recursive: true });
    writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
    out.write(`\nwrote ${resultsPath}\n`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
