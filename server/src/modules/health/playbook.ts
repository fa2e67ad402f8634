// The playbook: each weak criterion suggests the practices (DOMAIN.md) that address it, linking to where in
// Tandem to do them. Pure data and one pure choice.
import type { AlignmentCriterion, PlaybookSuggestion } from "#contracts/health";

const PRACTICES: Record<AlignmentCriterion, Omit<PlaybookSuggestion, "criterion">[]> = {
  communications: [
    {
      practice: "Start the weekly CMO–CIO sync",
      why: "Meet regularly with an agenda built from live data, and commit to specific actions.",
      link: { label: "Rituals", to: "/rituals" },
    },
    {
      practice: "Agree the words you use",
      why: "One term, each side's meaning: clashes like two different “CMS” stop misunderstandings.",
      link: { label: "Glossary", to: "/glossary" },
    },
  ],
  value_measurement: [
    {
      practice: "Tie every initiative to KPIs and review its value",
      why: "Agree customer-oriented KPIs up front and compare expected with realised value.",
      link: { label: "Value reviews", to: "/pipeline/value" },
    },
    {
      practice: "Judge IT on how quickly it responds",
      why: "Service levels for first response, decision and delivery make responsiveness visible.",
      link: { label: "Service levels", to: "/service-levels" },
    },
  ],
  governance: [
    {
      practice: "Set RACI templates for each request type",
      why: "Rules of engagement: who defines, who manages, who guards; exactly one accountable.",
      link: { label: "Pipeline rules", to: "/pipeline/rules" },
    },
    {
      practice: "Publish a purchase policy",
      why: "Make buying outside software easy and safe, and involve IT before a platform is chosen.",
      link: { label: "Guardrails", to: "/guardrails" },
    },
  ],
  partnership: [
    {
      practice: "Co-own objectives and KPIs",
      why: "Shared objectives with a marketing and an IT owner, revenue as a shared metric.",
      link: { label: "Scorecard", to: "/scorecard" },
    },
    {
      practice: "Learn how each side is measured",
      why: "See both sides' KPIs side by side and close the gaps.",
      link: { label: "How each of us is measured", to: "/scorecard/measured" },
    },
  ],
  scope_architecture: [
    {
      practice: "Find and adopt shadow IT",
      why: "Tools bought outside IT show up in expense data; bring them into the catalog.",
      link: { label: "Shadow-IT discovery", to: "/stack/discovery" },
    },
    {
      practice: "Build an integrated, secure suite",
      why: "Owners, SSO, data handled and integrations for every marketing tool.",
      link: { label: "Stack portfolio", to: "/stack/portfolio" },
    },
  ],
  skills: [
    {
      practice: "Pair people for job swaps and joint training",
      why: "Each side learns the other's work: the fastest route to trust.",
      link: { label: "Rituals", to: "/rituals" },
    },
    {
      practice: "Learn from experiments together",
      why: "Hypothesise, measure, test, iterate: a shared learning library.",
      link: { label: "Learnings", to: "/experiments/learnings" },
    },
  ],
};

/** A criterion is weak below this score (level 4 starts at 60). */
export const WEAK_BELOW = 60;

/** The practices for the weak criteria, weakest first (two each); `limit` caps the list. */
export function playbookFor(
  criteria: readonly { key: AlignmentCriterion; score: number | null }[],
  limit = 12,
): PlaybookSuggestion[] {
  return criteria
    .filter((criterion) => criterion.score !== null && criterion.score < WEAK_BELOW)
    .sort((a, b) => (a.score ?? 0) - (b.score ?? 0))
    .flatMap((criterion) => PRACTICES[criterion.key].map((practice) => ({ criterion: criterion.key, ...practice })))
    .slice(0, limit);
}
