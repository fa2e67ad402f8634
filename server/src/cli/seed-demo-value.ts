import type { RunModel } from "#contracts/value";
import type { Tx } from "../db/client";
import { recordAudit } from "../modules/audit/audit.commands";
import { computeRun } from "../modules/value/attribution.service";
import { insertSpendLines } from "../modules/value/spend.queries";
import { insertImport, insertOutcomes, insertRun, insertTouchpoints } from "../modules/value/value.queries";

const DAY = 86_400_000;

// A small deterministic generator (mulberry32), so the demo tells the same story on every seed.
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, weighted: [T, number][]): T {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let at = rand() * total;
  for (const [value, weight] of weighted) {
    at -= weight;
    if (at <= 0) return value;
  }
  return weighted[weighted.length - 1][0];
}

const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);

// Weekly spend per channel in EUR, and the campaigns it runs under.
const MEDIA: { channel: string; weekly: number; campaigns: string[]; plan: number }[] = [
  { channel: "Paid search", weekly: 2100, campaigns: ["Brand terms", "Generic outdoor", "Shopping feed"], plan: 1 },
  { channel: "Paid social", weekly: 1700, campaigns: ["Prospecting", "Retargeting", "Creators"], plan: 1.05 },
  { channel: "Display", weekly: 1900, campaigns: ["Programmatic reach", "Retargeting banners"], plan: 0.8 },
  { channel: "Affiliates", weekly: 600, campaigns: ["Review sites", "Cashback partners"], plan: 1 },
  { channel: "Email", weekly: 280, campaigns: ["Newsletter", "Win-back flow", "Loyalty"], plan: 1 },
];

/**
 * Seeds Northwind's Value data: a year of spend (actual and planned) across channels, campaigns and initiatives,
 * a year of customer journeys and conversions, and a finished attribution run whose story is that display takes a
 * fifth of the media budget and returns the least under every model, while email and social earn more than last
 * touch admits.
 */
export async function seedDemoValue(tx: Tx, workspaceId: string, now: Date) {
  const rand = random(20261123);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const start = today - 364 * DAY;
  const stamp = { createdAt: now, updatedAt: now };

  const spend: {
    spentOn: string;
    channel: string;
    campaign: string;
    initiative: string;
    kind: "planned" | "actual";
    amount: string;
    currency: string;
  }[] = [];
  const line = (
    day: number,
    channel: string,
    campaign: string,
    amount: number,
    kind: "planned" | "actual",
    initiative = "",
  ) =>
    spend.push({
      spentOn: isoDate(day),
      channel,
      campaign,
      initiative,
      kind,
      amount: amount.toFixed(2),
      currency: "EUR",
    });
  for (let week = 0; week < 52; week++) {
    const day = start + week * 7 * DAY;
    const spring = week >= 10 && week < 18;
    for (const media of MEDIA) {
      const season = 1 + 0.25 * Math.sin((2 * Math.PI * (week - 8)) / 52);
      const actual = media.weekly * season * (0.85 + 0.3 * rand());
      const campaign = media.campaigns[week % media.campaigns.length];
      const launch = spring && (media.channel === "Paid social" || media.channel === "Display");
      line(
        day,
        media.channel,
        launch ? "Spring collection" : campaign,
        actual,
        "actual",
        launch ? "Spring collection launch" : "",
      );
      if (week % 4 === 0) line(day, media.channel, "Monthly plan", media.weekly * 4 * media.plan, "planned", "");
    }
    if (week === 9) {
      line(day, "Paid social", "Spring collection", 18000, "planned", "Spring collection launch");
      line(day, "Display", "Spring collection", 12000, "planned", "Spring collection launch");
    }
    if (week % 13 === 6) line(day, "Events", "Outdoor trade fair", 9000 + 2000 * rand(), "actual");
    if (week % 13 === 0) line(day, "Events", "Quarterly plan", 10000, "planned");
    line(day, "Podcast sponsorship", "Trail Talk", 450, "actual");
    if (week >= 20 && week < 46)
      line(day, "IT projects", "CDP implementation", 3200 + 400 * rand(), "actual", "CDP rollout");
    if (week >= 20 && week < 46 && week % 4 === 0)
      line(day, "IT projects", "CDP implementation", 14000, "planned", "CDP rollout");
  }
  // The plan for the next two months: planned spend may lie ahead.
  for (let month = 1; month <= 2; month++) {
    for (const media of MEDIA)
      line(today + month * 28 * DAY, media.channel, "Monthly plan", media.weekly * 4 * media.plan, "planned");
  }

  const spendImport = await insertImport(tx, {
    workspaceId,
    kind: "spend",
    fileName: "northwind-spend-ledger.csv",
    lines: spend.length,
    imported: spend.length,
    ...stamp,
  });
  await insertSpendLines(
    tx,
    spend.map((row) => ({ ...row, workspaceId, importId: spendImport.id, ...stamp })),
  );

  // Journeys: display opens many journeys that rarely convert; social and email move people; search and direct close.
  const touchpoints: { journeyId: string; occurredAt: Date; channel: string }[] = [];
  const outcomes: { journeyId: string; occurredAt: Date; value: number }[] = [];
  const journeyCount = 9000;
  for (let j = 0; j < journeyCount; j++) {
    const id = `nw-${String(j + 1).padStart(5, "0")}`;
    let time = start + rand() * (today - start - 12 * DAY) + rand() * DAY;
    const channels: string[] = [];
    const length = 1 + Math.floor(rand() * rand() * 5);
    channels.push(
      pick(rand, [
        ["Display", 34],
        ["Paid social", 22],
        ["Paid search", 14],
        ["Organic search", 12],
        ["Affiliates", 6],
        ["Events", 4],
        ["Email", 8],
      ]),
    );
    for (let k = 1; k < length; k++) {
      channels.push(
        pick(rand, [
          ["Display", 18],
          ["Paid social", 18],
          ["Email", 20],
          ["Organic search", 14],
          ["Paid search", 12],
          ["Affiliates", 6],
          ["Direct", 6],
        ]),
      );
    }
    const has = (channel: string) => channels.includes(channel);
    const p =
      0.02 +
      0.16 * Number(has("Email")) +
      0.11 * Number(has("Paid social")) +
      0.07 * Number(has("Paid search")) +
      0.06 * Number(has("Affiliates")) +
      0.08 * Number(has("Events")) +
      0.05 * Number(has("Organic search")) +
      0.005 * Number(has("Display"));
    const converts = rand() < Math.min(0.6, p);
    if (converts && rand() < 0.55)
      channels.push(
        pick(rand, [
          ["Paid search", 55],
          ["Direct", 30],
          ["Email", 15],
        ]),
      );
    for (const channel of channels) {
      touchpoints.push({ journeyId: id, occurredAt: new Date(time), channel });
      time += (0.2 + rand() * 3) * DAY;
    }
    if (converts) {
      const value = 210 + rand() * 640 + (has("Events") ? 900 : 0);
      outcomes.push({
        journeyId: id,
        occurredAt: new Date(time - 2.5 * DAY * rand()),
        value: Math.round(value * 100) / 100,
      });
    }
  }
  // A conversion never precedes its journey's last touch by construction above only loosely: keep it after.
  const lastTouch = new Map<string, number>();
  for (const t of touchpoints)
    lastTouch.set(t.journeyId, Math.max(lastTouch.get(t.journeyId) ?? 0, t.occurredAt.getTime()));
  for (const o of outcomes) {
    const last = lastTouch.get(o.journeyId) ?? o.occurredAt.getTime();
    if (o.occurredAt.getTime() < last) o.occurredAt = new Date(last + 3_600_000);
  }

  const touchImport = await insertImport(tx, {
    workspaceId,
    kind: "touchpoints",
    fileName: "web-analytics-touchpoints.csv",
    lines: touchpoints.length,
    imported: touchpoints.length,
    ...stamp,
  });
  await insertTouchpoints(
    tx,
    touchpoints.map((row) => ({ ...row, workspaceId, importId: touchImport.id, createdAt: now })),
  );
  const outcomeImport = await insertImport(tx, {
    workspaceId,
    kind: "conversions",
    fileName: "shop-orders.csv",
    lines: outcomes.length,
    imported: outcomes.length,
    ...stamp,
  });
  await insertOutcomes(
    tx,
    outcomes.map((row) => ({ ...row, workspaceId, importId: outcomeImport.id, createdAt: now })),
  );

  const models: RunModel[] = ["first", "last", "linear", "position", "time-decay", "markov", "shapley"];
  const input = {
    name: "Last 12 months, every model",
    source: "touchpoints" as const,
    models,
    order: 1,
    lookbackDays: 30,
    halfLifeDays: 7,
    periodStart: isoDate(start),
    periodEnd: isoDate(today),
    currency: "EUR" as const,
    background: false,
  };
  const computed = await computeRun(tx, workspaceId, input);
  const run = await insertRun(tx, {
    workspaceId,
    name: input.name,
    status: "done",
    source: input.source,
    models,
    markovOrder: input.order,
    lookbackDays: input.lookbackDays,
    halfLifeDays: input.halfLifeDays,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    currency: input.currency,
    inputs: computed.inputs,
    results: computed.results,
    ...stamp,
  });
  const seeded = {
    spendLines: spend.length,
    touchpoints: touchpoints.length,
    conversions: outcomes.length,
    runId: run.id,
  };
  await recordAudit(
    tx,
    { workspaceId, actorId: null, actorLabel: "demo seed", ip: null, at: now },
    { action: "value.seeded", entityType: "workspace", entityId: workspaceId, after: seeded },
  );
  return seeded;
}
