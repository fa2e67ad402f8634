// Northwind's purchase policy (issue 15's example, adapted) with test cases, and purchase requests judged by it
// through the Guardrails' and the Pipeline's commands: two approved at once, two in review with their reviews open
// (one already approved by security), one blocked.
import type { PurchaseDetails } from "#contracts/guardrails";
import type { Database } from "../db/client";
import {
  addTest,
  createPolicy,
  decideReview,
  editGuardrailSettings,
  judgePurchaseRequest,
  listWorkspaceReviews,
} from "../modules/guardrails/guardrails.commands";
import { createRequest } from "../modules/pipeline/pipeline.commands";
import { demoPersonCtx } from "./demo-person";

/** Northwind's purchase policy. */
export const DEMO_POLICY_RULES = [
  {
    id: "fast-lane",
    when: "request.annualCost < 5000.0 && request.dataClasses.all(d, d == 'none') && request.sso",
    outcome: "approve" as const,
    explain: "Low cost, no personal data, single sign-on: approved at once",
  },
  {
    id: "personal-data",
    when: "request.dataClasses.exists(d, d in ['personal', 'sensitive_personal'])",
    outcome: "review" as const,
    require: ["security" as const, "legal" as const],
    explain: "Personal data needs a security review and a signed DPA",
  },
  {
    id: "overlap",
    when: "size(stack.overlapping) > 0",
    outcome: "review" as const,
    require: ["it" as const],
    explain: "We already own a tool for this: IT checks whether its idle seats will do",
  },
  {
    id: "big-spend",
    when: "request.annualCost >= 25000.0",
    outcome: "review" as const,
    require: ["finance" as const],
    explain: "Over 25,000 EUR a year: finance checks the budget line",
  },
  {
    id: "denied-vendor",
    when: "request.vendor in ['Acme Spyware', 'TrackEverything']",
    outcome: "block" as const,
    explain: "This vendor is not allowed at Northwind (tracking beyond consent)",
  },
];

const base = { capabilities: [], seats: null, dataClasses: [], sso: false, dpaAvailable: false, hostingRegion: "EU" };
const DEMO_PURCHASES: { title: string; purchase: PurchaseDetails }[] = [
  {
    title: "Quick survey tool for event feedback",
    purchase: {
      ...base,
      vendor: "Tally",
      product: "Tally Forms",
      category: "content",
      subcategory: "Interactive content",
      capabilities: ["forms"],
      annualCost: "1200",
      currency: "EUR",
      seats: 5,
      dataClasses: ["none"],
      sso: true,
      integratesWith: [],
      agencyManaged: false,
    },
  },
  {
    title: "Screen recordings for product explainers",
    purchase: {
      ...base,
      vendor: "Loom",
      product: "Loom Business",
      category: "content",
      subcategory: "Video marketing",
      capabilities: ["screen recording"],
      annualCost: "3000",
      currency: "USD",
      seats: 10,
      dataClasses: ["none"],
      sso: true,
      integratesWith: [],
      agencyManaged: false,
    },
  },
  {
    title: "Second newsletter tool for the outdoor club",
    purchase: {
      ...base,
      vendor: "Brevo",
      product: "Brevo",
      category: "content",
      subcategory: "Email marketing",
      capabilities: ["email"],
      annualCost: "4800",
      currency: "EUR",
      seats: 3,
      dataClasses: ["personal"],
      sso: true,
      dpaAvailable: true,
      integratesWith: [],
      agencyManaged: true,
    },
  },
  {
    title: "Conversation intelligence for the B2B team",
    purchase: {
      ...base,
      vendor: "Gong",
      product: "Gong",
      category: "commerce",
      subcategory: "Sales enablement",
      capabilities: ["call recording"],
      annualCost: "36000",
      currency: "EUR",
      seats: 12,
      dataClasses: ["personal"],
      sso: true,
      dpaAvailable: true,
      integratesWith: [],
      agencyManaged: false,
    },
  },
  {
    title: "Cross-site visitor tracking",
    purchase: {
      ...base,
      vendor: "TrackEverything",
      product: "TrackEverything Pixel",
      category: "data",
      subcategory: "Audience data & enrichment",
      capabilities: ["tracking"],
      annualCost: "2400",
      currency: "EUR",
      seats: 2,
      dataClasses: ["personal"],
      integratesWith: [],
      agencyManaged: false,
    },
  },
];

/** Seeds the policy, its tests and five judged purchase requests; returns what each got. */
export async function seedDemoGuardrails(database: Database, workspaceId: string, now: Date) {
  const cio = await demoPersonCtx(database, workspaceId, "cio@northwind.example", now);
  const ops = await demoPersonCtx(database, workspaceId, "marketing.ops@northwind.example", now);
  const security = await demoPersonCtx(database, workspaceId, "security@northwind.example", now);
  const policy = await createPolicy(cio, { name: "Northwind purchase policy", rules: DEMO_POLICY_RULES });
  const cheap = { annualCost: 900, dataClasses: ["none"], sso: true, vendor: "Tally" };
  await addTest(cio, policy.id, {
    name: "A cheap tool without personal data is approved at once",
    input: { request: cheap, stack: { overlapping: [] } },
    expected: { outcome: "approve", matched: ["fast-lane"] },
  });
  await addTest(cio, policy.id, {
    name: "Personal data goes to security and legal",
    input: { request: { ...cheap, dataClasses: ["personal"] }, stack: { overlapping: [] } },
    expected: { outcome: "review", reviews: ["legal", "security"] },
  });
  await addTest(cio, policy.id, {
    name: "A denied vendor is blocked",
    input: { request: { ...cheap, vendor: "Acme Spyware" }, stack: { overlapping: [] } },
    expected: { outcome: "block" },
  });
  // Loom bills in USD: the policy converts it with the workspace's rate table.
  await editGuardrailSettings(cio, { currency: "EUR", rates: { USD: 0.92, GBP: 1.17 }, version: 0 });
  const outcomes: Record<string, string> = {};
  for (const demo of DEMO_PURCHASES) {
    const request = await createRequest(ops, { ...requestDefaults, title: demo.title, purchase: demo.purchase });
    const judgement = await judgePurchaseRequest(ops, request.id);
    outcomes[demo.purchase.product] = judgement?.result.outcome ?? "none";
    if (demo.purchase.product === "Gong") {
      // Security has already approved Gong; legal and finance still have to.
      const mine = await listWorkspaceReviews(security, { waitingOn: "me", requestId: request.id });
      for (const review of mine.items) {
        await decideReview(security, review.id, {
          outcome: "approve",
          comment: "SOC 2 Type II report and pen test summary received; SSO enforced",
          version: review.version,
        });
      }
    }
  }
  return { policyId: policy.id, outcomes };
}

const requestDefaults = {
  type: "purchase" as const,
  problem: "",
  outcome: "",
  beneficiaries: "",
  objectives: "",
  deadline: null,
  deadlineReason: "",
  dataClasses: [],
  expectedBenefit: null,
  softHours: null,
  hourlyRate: null,
  costEstimate: null,
  currency: "EUR",
  confidence: null,
  sponsorId: null,
  teamId: null,
  draft: false,
};
