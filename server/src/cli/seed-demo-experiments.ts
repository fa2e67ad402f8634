import type {
  ExperimentOutcome,
  ExperimentStatus,
  MetricAggregates,
  MetricDefinition,
  SecondaryMetric,
  VariantDefinition,
} from "#contracts/experiments";
import type { Tx } from "../db/client";
import { recordAudit } from "../modules/audit/audit.commands";
import { analyzeSnapshot, buildHeadline, countUnits } from "../modules/experiments/experiments.analysis";
import { insertExperiment, insertSnapshot, recordSnapshotOn } from "../modules/experiments/experiments.queries";

type Owners = { business: string[]; technical: string[] };

const DAY = 86_400_000;

/** Per-variant aggregates of a numeric metric from its mean and standard deviation. */
function meanOf(variant: string, n: number, mean: number, sd: number) {
  return { variant, n, sum: n * mean, sumSquares: (n - 1) * sd * sd + n * mean * mean };
}

/** Per-variant aggregates of a rate. */
function rateOf(variant: string, n: number, conversions: number) {
  return { variant, n, sum: conversions };
}

const metric = (
  name: string,
  type: MetricDefinition["type"],
  extra: Partial<MetricDefinition> = {},
): MetricDefinition => ({
  name,
  type,
  direction: "increase",
  method: "frequentist",
  alpha: 0.05,
  sided: "two",
  difference: "relative",
  mde: null,
  ...extra,
});

interface DemoExperiment {
  key: string;
  name: string;
  hypothesis: [string, string, string, string];
  kpi: string;
  channel: string;
  owner: number;
  itPartner: number | null;
  parent?: string;
  status: ExperimentStatus;
  startedDaysAgo: number | null;
  stoppedDaysAgo?: number;
  variants: VariantDefinition[];
  primaryMetric: MetricDefinition;
  otherMetrics?: SecondaryMetric[];
  /** Snapshots, oldest first, each with how many days ago it was entered. */
  snapshots?: { daysAgo: number; note: string; metrics: MetricAggregates[] }[];
  decision?: { outcome: ExperimentOutcome; reason: string; learnings: string; daysAgo: number };
}

const split = (...names: string[]): VariantDefinition[] =>
  names.map((name) => ({ name, weight: Math.round(100 / names.length) }));

// A handful of Northwind's experiments, one story each: a clear win, an "iterate" and its follow-up,
// a guardrail that stopped a change, a broken split caught by the SRM check, an under-powered test, drafts.
const demo: DemoExperiment[] = [
  {
    key: "free-shipping",
    name: "Free-shipping threshold banner",
    hypothesis: [
      "showing how far the basket is from the €75 free-shipping threshold",
      "shoppers to add one more item",
      "average order value of completed orders",
      "post-purchase surveys name shipping cost as the first reason for small baskets",
    ],
    kpi: "Average order value",
    channel: "Website",
    owner: 0,
    itPartner: 0,
    status: "decided",
    startedDaysAgo: 96,
    stoppedDaysAgo: 68,
    variants: split("Control", "Progress banner"),
    primaryMetric: metric("order value", "mean", { mde: 0.03 }),
    otherMetrics: [{ ...metric("checkout conversion", "proportion"), role: "guardrail" }],
    snapshots: [
      {
        daysAgo: 68,
        note: "Final read after four weeks (analytics export)",
        metrics: [
          {
            metric: "order value",
            variants: [meanOf("Control", 8410, 71.2, 38.5), meanOf("Progress banner", 8385, 75.9, 39.1)],
          },
          {
            metric: "checkout conversion",
            variants: [rateOf("Control", 41200, 8410), rateOf("Progress banner", 41050, 8385)],
          },
        ],
      },
    ],
    decision: {
      outcome: "shipped",
      reason: "Order value up 6.6% with a tight interval, conversion unchanged; finance confirmed the margin holds.",
      learnings:
        "A visible goal moves basket size more than a discount does. Shoppers close to the threshold add socks and care products, not a second jacket.",
      daysAgo: 65,
    },
  },
  {
    key: "guest-checkout",
    name: "Guest checkout first",
    hypothesis: [
      "offering guest checkout before the account sign-in",
      "fewer shoppers to abandon checkout",
      "checkout conversion rate",
      "a third of abandoned checkouts end on the sign-in step",
    ],
    kpi: "Checkout conversion",
    channel: "Website",
    owner: 1,
    itPartner: 1,
    status: "decided",
    startedDaysAgo: 60,
    stoppedDaysAgo: 39,
    variants: split("Control", "Guest first"),
    primaryMetric: metric("checkout conversion", "proportion", { mde: 0.04 }),
    otherMetrics: [{ ...metric("account sign-ups", "proportion", { direction: "increase" }), role: "secondary" }],
    snapshots: [
      {
        daysAgo: 39,
        note: "Three weeks, all devices",
        metrics: [
          {
            metric: "checkout conversion",
            variants: [rateOf("Control", 12040, 2468), rateOf("Guest first", 11980, 2541)],
          },
          {
            metric: "account sign-ups",
            variants: [rateOf("Control", 12040, 1810), rateOf("Guest first", 11980, 1265)],
          },
        ],
      },
    ],
    decision: {
      outcome: "iterate",
      reason:
        "Conversion +3.5% overall (p = 0.18) but the interval still spans zero; on mobile the lift was far larger. Account sign-ups fell by a third.",
      learnings:
        "The sign-in wall hurts on mobile, not on desktop. Losing account sign-ups is a real cost for CRM: the next test must offer the account after purchase.",
      daysAgo: 37,
    },
  },
  {
    key: "guest-mobile",
    name: "Guest checkout on mobile, account offered after purchase",
    parent: "guest-checkout",
    hypothesis: [
      "guest checkout on mobile with a one-tap account offer on the confirmation page",
      "more mobile shoppers to complete checkout without losing account sign-ups",
      "mobile checkout conversion rate",
      "the first test showed the sign-in wall costs most on small screens",
    ],
    kpi: "Checkout conversion",
    channel: "Mobile web",
    owner: 1,
    itPartner: 1,
    status: "running",
    startedDaysAgo: 18,
    variants: split("Control", "Guest + offer"),
    primaryMetric: metric("mobile checkout conversion", "proportion", { method: "sequential", mde: 0.15 }),
    otherMetrics: [{ ...metric("account sign-ups", "proportion"), role: "guardrail", method: "sequential" }],
    snapshots: [
      {
        daysAgo: 11,
        note: "Week 1",
        metrics: [
          {
            metric: "mobile checkout conversion",
            variants: [rateOf("Control", 7020, 1193), rateOf("Guest + offer", 6985, 1306)],
          },
        ],
      },
      {
        daysAgo: 1,
        note: "Week 2 (sequential: safe to read every week)",
        metrics: [
          {
            metric: "mobile checkout conversion",
            variants: [rateOf("Control", 14810, 2518), rateOf("Guest + offer", 14770, 2836)],
          },
          {
            metric: "account sign-ups",
            variants: [rateOf("Control", 14810, 2236), rateOf("Guest + offer", 14770, 2190)],
          },
        ],
      },
    ],
  },
  {
    key: "subject-lines",
    name: "Product names in newsletter subject lines",
    hypothesis: [
      "putting the featured product's name in the subject line",
      "more subscribers to open and click the weekly newsletter",
      "click-through rate per delivered email",
      "curiosity subject lines have lost opens for three quarters",
    ],
    kpi: "Email click-through rate",
    channel: "Email",
    owner: 2,
    itPartner: null,
    status: "decided",
    startedDaysAgo: 50,
    stoppedDaysAgo: 36,
    variants: split("Curiosity line", "Product name"),
    primaryMetric: metric("click-through rate", "proportion", { method: "bayesian" }),
    otherMetrics: [
      { ...metric("unsubscribe rate", "proportion", { direction: "decrease", method: "bayesian" }), role: "guardrail" },
    ],
    snapshots: [
      {
        daysAgo: 36,
        note: "Two sends, 60,000 subscribers",
        metrics: [
          {
            metric: "click-through rate",
            variants: [rateOf("Curiosity line", 30000, 1260), rateOf("Product name", 30000, 1302)],
          },
          {
            metric: "unsubscribe rate",
            variants: [rateOf("Curiosity line", 30000, 96), rateOf("Product name", 30000, 171)],
          },
        ],
      },
    ],
    decision: {
      outcome: "rolled_back",
      reason:
        "Clicks moved little (an 80% chance of being better, short of our 95% bar) while unsubscribes almost doubled: the guardrail decided it.",
      learnings:
        "Naming the product reads as a sales push to our subscribers. Keep the editorial tone; test product names in the preheader instead.",
      daysAgo: 34,
    },
  },
  {
    key: "loyalty-points",
    name: "Loyalty points shown on product pages",
    hypothesis: [
      "showing the loyalty points a product earns next to its price",
      "members to buy more often",
      "purchase rate of signed-in members",
      "members rarely know their points balance",
    ],
    kpi: "Repeat purchase rate",
    channel: "Website",
    owner: 0,
    itPartner: 2,
    status: "stopped",
    startedDaysAgo: 25,
    stoppedDaysAgo: 4,
    variants: split("Control", "Points shown"),
    primaryMetric: metric("member purchase rate", "proportion", { method: "bayesian" }),
    snapshots: [
      {
        daysAgo: 4,
        note: "Stopped: the split looks wrong, IT is checking the assignment",
        metrics: [
          {
            metric: "member purchase rate",
            variants: [rateOf("Control", 10480, 902), rateOf("Points shown", 9310, 865)],
          },
        ],
      },
    ],
  },
  {
    key: "size-finder",
    name: "Size-finder quiz on jackets",
    hypothesis: [
      "a three-question size finder on jacket pages",
      "fewer jackets to come back for the wrong size",
      "return rate of jacket orders",
      "'wrong size' is the reason given for 58% of jacket returns",
    ],
    kpi: "Return rate",
    channel: "Website",
    owner: 2,
    itPartner: 0,
    status: "running",
    startedDaysAgo: 9,
    variants: split("Control", "Size finder"),
    primaryMetric: metric("jacket return rate", "proportion", { direction: "decrease", mde: 0.1 }),
    snapshots: [
      {
        daysAgo: 2,
        note: "First look after a week",
        metrics: [
          { metric: "jacket return rate", variants: [rateOf("Control", 612, 131), rateOf("Size finder", 598, 112)] },
        ],
      },
    ],
  },
  {
    key: "hero-photos",
    name: "Customer photos in the homepage hero",
    hypothesis: [
      "replacing studio shots in the homepage hero with customers' trail photos",
      "more visitors to browse a collection",
      "click-through from the homepage to a collection",
      "user-generated photos outperform studio shots on our Instagram",
    ],
    kpi: "Homepage click-through",
    channel: "Website",
    owner: 0,
    itPartner: null,
    status: "draft",
    startedDaysAgo: null,
    variants: split("Studio shots", "Customer photos"),
    primaryMetric: metric("collection click-through", "proportion", { method: "sequential", mde: 0.05 }),
  },
  {
    key: "cart-email",
    name: "Abandoned-cart email after one hour",
    hypothesis: [
      "sending the abandoned-cart email after one hour instead of 24",
      "more shoppers to come back and buy",
      "recovered-cart revenue per abandoned cart",
      "most recoveries happen on the day the cart was left",
    ],
    kpi: "Recovered revenue",
    channel: "Email",
    owner: 1,
    itPartner: 2,
    status: "draft",
    startedDaysAgo: null,
    variants: split("24 hours", "1 hour"),
    primaryMetric: metric("recovered revenue per cart", "mean", { method: "sequential", mde: 0.08 }),
    otherMetrics: [{ ...metric("unsubscribe rate", "proportion", { direction: "decrease" }), role: "guardrail" }],
  },
];

/** Seeds Northwind's experiments, their result snapshots (analysed as the app would) and decisions. */
export async function seedDemoExperiments(tx: Tx, workspaceId: string, owners: Owners, now: Date) {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const ids = new Map<string, string>();
  const origin = { workspaceId, actorId: null, actorLabel: "demo seed", ip: null, at: now };
  for (const entry of demo) {
    const owner = owners.business[entry.owner % owners.business.length] ?? null;
    const itPartner =
      entry.itPartner === null ? null : (owners.technical[entry.itPartner % owners.technical.length] ?? null);
    const created = at((entry.startedDaysAgo ?? 3) + 4);
    const { id } = await insertExperiment(tx, {
      workspaceId,
      name: entry.name,
      hypothesisChange: entry.hypothesis[0],
      hypothesisOutcome: entry.hypothesis[1],
      hypothesisMeasure: entry.hypothesis[2],
      hypothesisRationale: entry.hypothesis[3],
      kpi: entry.kpi,
      channel: entry.channel,
      parentId: entry.parent ? (ids.get(entry.parent) ?? null) : null,
      ownerId: owner,
      itPartnerId: itPartner,
      status: entry.status,
      variants: entry.variants,
      primaryMetric: entry.primaryMetric,
      otherMetrics: entry.otherMetrics ?? [],
      startedAt: entry.startedDaysAgo === null ? null : at(entry.startedDaysAgo),
      stoppedAt: entry.stoppedDaysAgo === undefined ? null : at(entry.stoppedDaysAgo),
      outcome: entry.decision?.outcome ?? null,
      decisionReason: entry.decision?.reason ?? null,
      decidedById: entry.decision ? owner : null,
      decidedAt: entry.decision ? at(entry.decision.daysAgo) : null,
      learnings: entry.decision?.learnings ?? "",
      createdAt: created,
      updatedAt: entry.decision ? at(entry.decision.daysAgo) : created,
    });
    ids.set(entry.key, id);
    const design = {
      status: entry.status,
      variants: entry.variants,
      primaryMetric: entry.primaryMetric,
      otherMetrics: entry.otherMetrics ?? [],
    };
    for (const [index, snapshot] of (entry.snapshots ?? []).entries()) {
      const seq = index + 1;
      await insertSnapshot(tx, {
        workspaceId,
        experimentId: id,
        seq,
        source: index === 0 && entry.channel === "Email" ? "csv" : "form",
        note: snapshot.note,
        enteredById: owner,
        metrics: snapshot.metrics,
        totalUnits: countUnits(design, snapshot.metrics),
        createdAt: at(snapshot.daysAgo),
        updatedAt: at(snapshot.daysAgo),
      });
      const analysis = analyzeSnapshot(
        { ...design, status: entry.status === "decided" ? "stopped" : entry.status },
        snapshot.metrics,
        seq,
      );
      await recordSnapshotOn(tx, workspaceId, id, {
        headline: buildHeadline(analysis, at(snapshot.daysAgo)),
        updatedAt: entry.decision ? at(entry.decision.daysAgo) : at(snapshot.daysAgo),
      });
    }
  }
  const summary = { experiments: demo.length, decided: demo.filter((entry) => entry.decision).length };
  await recordAudit(tx, origin, {
    action: "experiments.seeded",
    entityType: "workspace",
    entityId: workspaceId,
    after: summary,
  });
  return summary;
}
