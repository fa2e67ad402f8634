// The demo rituals' words: what the weekly sync and the monthly steering commit to, by owner, and the notes they
// record. seed-demo-rituals.ts spreads them over the year's meetings.
import { ARCHITECT, CIO, CMO, CONTENT, DATA, MARTECH, OPS, PARTNER } from "./demo-person";

export const SECURITY = "security@northwind.example";
export const FINANCE = "finance@northwind.example";

// What the weekly sync commits to, by owner: both sides, in their words.
export const SYNC_COMMITMENTS: Array<[string, string]> = [
  [OPS, "Share the next month's launch calendar with IT"],
  [PARTNER, "Answer the requests past their first-response time"],
  [MARTECH, "Send the agency's tracking plan to the architect"],
  [ARCHITECT, "Publish the commerce platform's API limits for campaign pages"],
  [CMO, "Write the success measure for the personalisation request"],
  [DATA, "Share the warehouse cost per team for last month"],
  [OPS, "Name the data owner on the open loyalty-app requests"],
  [PARTNER, "Size the checkout test integration with the agency"],
  [CONTENT, "List the landing-page templates we still use"],
  [CIO, "Propose a release window for campaign pages"],
  [MARTECH, "Retire the unused seats of the social scheduling tool"],
  [SECURITY, "Run the security review of the chat widget"],
  [OPS, "Collect the churn survey answers for the segment KPIs"],
  [ARCHITECT, "Document the consent flag in the CDP design"],
  [CMO, "Confirm the budget line for the recommendations pilot"],
  [PARTNER, "Book the joint triage slot for campaign requests"],
  [CONTENT, "Check the glossary meaning of 'conversion' with analytics"],
  [DATA, "Fix the nightly export the dashboard reads"],
];

// What the monthly steering commits to.
export const STEERING_COMMITMENTS: Array<[string, string]> = [
  [FINANCE, "Reconcile the martech spend with the ledger"],
  [CIO, "Bring the integration roadmap for next quarter"],
  [CMO, "Rank marketing's crucial requests for next quarter"],
  [SECURITY, "Report the tools without a signed DPA"],
  [MARTECH, "Prepare the renewal decisions due next quarter"],
  [ARCHITECT, "Outline the CDP rollout in three steps"],
];

export const SYNC_NOTES = [
  "Checkout conversion is back on plan since the replatforming fixes shipped.",
  "IT answered every marketing request's first question within two working days this week.",
  "The agency starts on the spring campaign next Monday; tracking plan agreed.",
  "Cost per acquisition is still above target; the paid social test runs another two weeks.",
  "Marketing shares the launch calendar with IT every Monday from now on.",
  "Two requests wait on the requester: the data owner is not named yet.",
];

export const STEERING_NOTES = [
  "The quarter's crucial requests are on track; one moved to next quarter by agreement.",
  "The renewal of the email platform is decided before its cancel-by date.",
  "The shadow-IT spend share keeps falling since the purchase policy went live.",
  "Both teams agreed the scorecard's joint objectives for the half-year.",
];
