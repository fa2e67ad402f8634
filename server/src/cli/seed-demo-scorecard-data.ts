// The demo company's objectives, KPIs and customer segments (read by seed-demo-scorecard.ts).
import type { KpiCadence, KpiCategory, KpiDirection, KpiUnit } from "#contracts/scorecard";
import { ARCHITECT, CIO, CMO, CONTENT, DATA, MARTECH, OPS, PARTNER } from "./demo-person";

/** How a manual KPI moves over its period. */
export type Shape = "steady" | "slip_recover" | "stalled" | "ahead" | "late_push";

/** A KPI of the demo. */
export type DemoKpi = {
  name: string;
  definition: string;
  unit: KpiUnit;
  direction: KpiDirection;
  baseline: number;
  target: number;
  cadence: KpiCadence;
  category: KpiCategory;
  owner: string;
  segment?: string;
  thresholds?: { green: number; amber: number };
  /** A manual KPI's story; a computed one names its measure instead. */
  shape?: Shape;
  measure?: string;
};

/** An objective of the demo with its KPIs. */
export type DemoObjective = {
  key: string;
  title: string;
  description: string;
  year: "last" | "this";
  marketing: string | null;
  it: string | null;
  parent?: string;
  kpis: DemoKpi[];
};

/** The customer segments, most important first. */
export const SEGMENTS = [
  { name: "Weekend hikers", priority: 1, description: "City dwellers who hike at weekends; most of online revenue." },
  { name: "Alpine climbers", priority: 2, description: "Technical buyers; few, loyal, high basket value." },
  { name: "Family campers", priority: 3, description: "Seasonal buyers; price-sensitive, churn after one summer." },
];

const voc = (segment: string, name: string, kpi: Omit<DemoKpi, "name" | "segment" | "owner" | "cadence">): DemoKpi => ({
  name: `${name} — ${segment}`,
  segment,
  owner: CONTENT,
  cadence: "monthly",
  ...kpi,
});

/** The objectives over the demo's two years: last year's and this year's. */
export const OBJECTIVES: DemoObjective[] = [
  {
    key: "company",
    title: "Be the outdoor brand customers come back to",
    description: "The company objective both sides answer to this year.",
    year: "this",
    marketing: CMO,
    it: CIO,
    kpis: [
      {
        name: "Repeat purchase rate",
        definition: "Customers with a second order within 12 months ÷ all customers.",
        unit: "percent",
        direction: "up",
        baseline: 28,
        target: 35,
        cadence: "monthly",
        category: "retention",
        owner: CMO,
        shape: "steady",
      },
      {
        name: "Revenue from returning customers",
        definition: "Net revenue of orders by customers with an earlier order.",
        unit: "money",
        direction: "up",
        baseline: 410_000,
        target: 520_000,
        cadence: "monthly",
        category: "revenue",
        owner: CMO,
        shape: "steady",
      },
    ],
  },
  {
    key: "online",
    title: "Grow online revenue together",
    description: "Marketing brings the traffic; IT keeps the new shop fast and converting.",
    year: "this",
    marketing: CMO,
    it: ARCHITECT,
    parent: "company",
    kpis: [
      {
        name: "Online revenue",
        definition: "Monthly net revenue of the web shop.",
        unit: "money",
        direction: "up",
        baseline: 180_000,
        target: 240_000,
        cadence: "monthly",
        category: "revenue",
        owner: CMO,
        shape: "steady",
      },
      {
        name: "Mobile share of online orders",
        definition: "Orders placed on phones ÷ all online orders.",
        unit: "percent",
        direction: "up",
        baseline: 38,
        target: 50,
        cadence: "monthly",
        category: "acquisition",
        owner: MARTECH,
        shape: "steady",
      },
      {
        name: "Checkout conversion rate",
        definition: "Orders ÷ sessions that reached the basket, weekly.",
        unit: "percent",
        direction: "up",
        baseline: 2.4,
        target: 3.2,
        cadence: "weekly",
        category: "acquisition",
        owner: DATA,
        thresholds: { green: 2.8, amber: 2.5 },
        shape: "slip_recover",
      },
    ],
  },
  {
    key: "responsive",
    title: "IT answers marketing at the speed of the market",
    description: "Measured by Tandem from the Pipeline: decisions within their service level, and how long they take.",
    year: "this",
    marketing: OPS,
    it: PARTNER,
    parent: "company",
    kpis: [
      {
        name: "Marketing requests decided within their service level",
        definition: "Share of requests decided within the decision target, over the 90 days up to each date.",
        unit: "percent",
        direction: "up",
        baseline: 40,
        target: 85,
        cadence: "monthly",
        category: "operations",
        owner: PARTNER,
        measure: "marketing_requests_within_sla",
      },
      {
        name: "Median business hours to a decision",
        definition: "Median business hours from submission to decision, over the 90 days up to each date.",
        unit: "duration_hours",
        direction: "down",
        baseline: 60,
        target: 20,
        cadence: "monthly",
        category: "operations",
        owner: PARTNER,
        measure: "marketing_request_decision_hours",
      },
      {
        name: "Experiments decided per quarter",
        definition: "Experiments decided in the calendar quarter so far.",
        unit: "count",
        direction: "up",
        baseline: 1,
        target: 4,
        cadence: "monthly",
        category: "operations",
        owner: MARTECH,
        measure: "experiments_decided_per_quarter",
      },
    ],
  },
  {
    key: "customers",
    title: "Know and delight our priority customers",
    description: "Voice of the customer for the three segments we serve first.",
    year: "this",
    marketing: CONTENT,
    it: DATA,
    parent: "company",
    kpis: [
      voc("Weekend hikers", "NPS", {
        definition: "Net promoter score from the post-purchase survey.",
        unit: "count",
        direction: "up",
        baseline: 31,
        target: 45,
        category: "customer_experience",
        shape: "steady",
      }),
      voc("Alpine climbers", "NPS", {
        definition: "Net promoter score from the post-purchase survey.",
        unit: "count",
        direction: "up",
        baseline: 48,
        target: 55,
        category: "customer_experience",
        shape: "ahead",
      }),
      voc("Family campers", "NPS", {
        definition: "Net promoter score from the post-purchase survey.",
        unit: "count",
        direction: "up",
        baseline: 22,
        target: 35,
        category: "customer_experience",
        shape: "late_push",
      }),
      voc("Weekend hikers", "CSAT", {
        definition: "Share of support contacts rated 4 or 5 of 5.",
        unit: "percent",
        direction: "up",
        baseline: 82,
        target: 90,
        category: "customer_experience",
        shape: "steady",
      }),
      voc("Alpine climbers", "CSAT", {
        definition: "Share of support contacts rated 4 or 5 of 5.",
        unit: "percent",
        direction: "up",
        baseline: 86,
        target: 92,
        category: "customer_experience",
        shape: "steady",
      }),
      voc("Family campers", "Churn", {
        definition: "Customers of last season with no order this season.",
        unit: "percent",
        direction: "down",
        baseline: 46,
        target: 38,
        category: "retention",
        shape: "steady",
      }),
      voc("Weekend hikers", "Complaints", {
        definition: "Complaints logged by customer service per month.",
        unit: "count",
        direction: "down",
        baseline: 140,
        target: 90,
        category: "customer_experience",
        shape: "steady",
      }),
    ],
  },
  {
    key: "stack",
    title: "A lean martech stack with an owner on both sides",
    description: "Computed by Tandem from the catalog and the card statements.",
    year: "this",
    marketing: MARTECH,
    it: ARCHITECT,
    kpis: [
      {
        name: "Annual cost of the active stack",
        definition: "Summed annual cost of tools in phase-in or active.",
        unit: "money",
        direction: "down",
        baseline: 2_300_000,
        target: 1_950_000,
        cadence: "quarterly",
        category: "operations",
        owner: ARCHITECT,
        measure: "active_stack_annual_cost",
      },
      {
        name: "Tools with both owners",
        definition: "Live tools with a marketing business owner and an IT technical owner.",
        unit: "percent",
        direction: "up",
        baseline: 60,
        target: 95,
        cadence: "monthly",
        category: "operations",
        owner: MARTECH,
        measure: "tools_with_both_owners",
      },
      {
        name: "Shadow-IT spend share",
        definition: "Shadow candidates' yearly spend ÷ all software spend seen.",
        unit: "percent",
        direction: "down",
        baseline: 8,
        target: 2,
        cadence: "monthly",
        category: "operations",
        owner: ARCHITECT,
        measure: "shadow_it_spend_share",
      },
    ],
  },
  {
    key: "buying",
    title: "Make the safe way to buy software the fast way",
    description: "Purchases judged by the written purchase policy: computed by Tandem from the Guardrails.",
    year: "this",
    marketing: OPS,
    it: CIO,
    parent: "company",
    kpis: [
      {
        name: "Purchases decided by the policy at once",
        definition:
          "Share of judged purchase requests the policy approved or blocked without a review, last 12 months.",
        unit: "percent",
        direction: "up",
        baseline: 0,
        target: 70,
        cadence: "monthly",
        category: "operations",
        owner: OPS,
        measure: "purchases_decided_at_once",
      },
      {
        name: "Median hours from a purchase request to its decision",
        definition: "Median hours from submitting a purchase request to its decision, last 12 months.",
        unit: "duration_hours",
        direction: "down",
        baseline: 720,
        target: 240,
        cadence: "monthly",
        category: "operations",
        owner: CIO,
        measure: "purchase_decision_hours",
      },
      {
        name: "Software spend through Tandem",
        definition: "Approved purchases' yearly cost ÷ that plus the shadow-IT spend found in card statements.",
        unit: "percent",
        direction: "up",
        baseline: 0,
        target: 50,
        cadence: "monthly",
        category: "operations",
        owner: CIO,
        measure: "software_spend_through_tandem",
      },
    ],
  },
  {
    key: "returns",
    title: "Prove what marketing spend returns",
    description: "One attribution both sides trust, and acquisition that pays for itself.",
    year: "this",
    marketing: CMO,
    it: DATA,
    kpis: [
      {
        name: "Attributed return on spend",
        definition: "Attributed revenue ÷ spend in the latest attribution run.",
        unit: "count",
        direction: "up",
        baseline: 2,
        target: 4,
        cadence: "monthly",
        category: "revenue",
        owner: DATA,
        measure: "attributed_return_on_spend",
      },
      {
        name: "Cost per acquisition",
        definition: "Paid media spend ÷ first orders, monthly.",
        unit: "money",
        direction: "down",
        baseline: 48,
        target: 34,
        cadence: "monthly",
        category: "acquisition",
        owner: CMO,
        shape: "stalled",
      },
    ],
  },
  {
    key: "loyalty",
    title: "Launch the loyalty programme",
    description: "Last year's joint launch: marketing's programme on IT's new member platform.",
    year: "last",
    marketing: OPS,
    it: PARTNER,
    kpis: [
      {
        name: "Loyalty members",
        definition: "Members enrolled since launch.",
        unit: "count",
        direction: "up",
        baseline: 0,
        target: 40_000,
        cadence: "monthly",
        category: "retention",
        owner: OPS,
        shape: "ahead",
      },
      {
        name: "Member app rating",
        definition: "Average store rating of the member app (1–5).",
        unit: "count",
        direction: "up",
        baseline: 3.6,
        target: 4.4,
        cadence: "quarterly",
        category: "customer_experience",
        owner: PARTNER,
        shape: "steady",
      },
    ],
  },
  {
    key: "replatform",
    title: "Replatform the web shop without losing customers",
    description: "Last year's move to the new commerce platform.",
    year: "last",
    marketing: CMO,
    it: ARCHITECT,
    kpis: [
      {
        name: "Shop availability",
        definition: "Minutes the shop took orders ÷ minutes in the month.",
        unit: "percent",
        direction: "up",
        baseline: 99.2,
        target: 99.9,
        cadence: "monthly",
        category: "customer_experience",
        owner: ARCHITECT,
        shape: "steady",
      },
      {
        name: "Orders lost to outages",
        definition: "Estimated orders lost while the shop was down, per month.",
        unit: "count",
        direction: "down",
        baseline: 900,
        target: 100,
        cadence: "monthly",
        category: "revenue",
        owner: ARCHITECT,
        shape: "steady",
      },
    ],
  },
  {
    key: "brand",
    title: "Brand awareness in the Nordics",
    description: "Marketing's own objective: no IT owner has signed up to it.",
    year: "this",
    marketing: CONTENT,
    it: null,
    kpis: [
      {
        name: "Aided brand awareness (Nordics)",
        definition: "Share of panel respondents who recognise the brand.",
        unit: "percent",
        direction: "up",
        baseline: 18,
        target: 26,
        cadence: "quarterly",
        category: "acquisition",
        owner: CONTENT,
        shape: "steady",
      },
    ],
  },
];
