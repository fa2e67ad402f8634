// Health's vocabulary: Luftman's six criteria, the two sides, the answer scale, maturity levels and published figures.
import { z } from "zod";

/** Limits shared by forms and the server. */
export const HealthLimits = {
  kMin: 3,
  kMax: 10,
  kDefault: 5,
  /** Comments of a group are shown only when at least this many of the group answered. */
  commentsK: 10,
  /** Criterion items per pulse (the outcome item is always asked on top). */
  itemsPerPulseMin: 6,
  itemsPerPulseMax: 8,
  itemsPerPulseDefault: 6,
  titleMax: 160,
  itemTextMax: 300,
  commentMax: 1000,
  /** Answers (respondents with the outcome item) needed before items' association with the outcome is shown. */
  driverAnswersMin: 30,
  /** Trend points returned (the newest). */
  trendPoints: 40,
} as const;

/** Luftman's six criteria of strategic alignment maturity. */
export const AlignmentCriterion = z.enum([
  "communications",
  "value_measurement",
  "governance",
  "partnership",
  "scope_architecture",
  "skills",
]);
export type AlignmentCriterion = z.infer<typeof AlignmentCriterion>;

export const CRITERIA: Record<AlignmentCriterion, { label: string; description: string }> = {
  communications: {
    label: "Communications",
    description: "Each side understands the other's work and they exchange knowledge regularly.",
  },
  value_measurement: {
    label: "Value measurement",
    description: "The value of technology to marketing is measured together and reviewed.",
  },
  governance: {
    label: "Governance",
    description: "Decisions on priorities, purchases and budgets are taken with both sides, by agreed rules.",
  },
  partnership: {
    label: "Partnership",
    description: "Trust, shared goals and shared risk; IT seen as a partner, not a supplier.",
  },
  scope_architecture: {
    label: "Scope & architecture",
    description: "An integrated, secure stack that serves marketing, with little shadow IT.",
  },
  skills: {
    label: "Skills",
    description: "People learn each other's field: job swaps, joint training, shared language.",
  },
};

/** What an item measures: one of the six criteria, or the overall outcome. */
export const ItemCriterion = z.enum([...AlignmentCriterion.options, "outcome"]);
export type ItemCriterion = z.infer<typeof ItemCriterion>;

/** The side a respondent answers for (their home team's kind: marketing, or IT). */
export const HealthSide = z.enum(["marketing", "it"]);
export type HealthSide = z.infer<typeof HealthSide>;

/** The 5-point agreement scale every item is answered on. */
export const AGREEMENT_SCALE = [
  { value: 1, label: "Strongly disagree" },
  { value: 2, label: "Disagree" },
  { value: 3, label: "Neither agree nor disagree" },
  { value: 4, label: "Agree" },
  { value: 5, label: "Strongly agree" },
] as const;
export const AgreementValue = z.number().int().min(1, { error: "must be 1–5" }).max(5, { error: "must be 1–5" });

/** Luftman's five maturity levels. */
export const MATURITY_LEVELS = [
  { level: 1, label: "Initial / ad hoc", from: 0 },
  { level: 2, label: "Committed", from: 20 },
  { level: 3, label: "Established, focused", from: 40 },
  { level: 4, label: "Improved, managed", from: 60 },
  { level: 5, label: "Optimized", from: 80 },
] as const;

/** The published figures (DOMAIN.md), shown beside the company's own answers to the matching items. */
export const PublishedFigureKey = z.enum(["strategic_partner", "it_involved_in_buying", "shared_vision"]);
export type PublishedFigureKey = z.infer<typeof PublishedFigureKey>;
export const PUBLISHED_FIGURES: Record<PublishedFigureKey, { percent: number; label: string }> = {
  strategic_partner: { percent: 62, label: "of CMOs call the CIO a strategic partner" },
  it_involved_in_buying: { percent: 29, label: "of CMOs involve IT when they buy marketing technology" },
  shared_vision: { percent: 41, label: "of CMOs say they share a common vision with the CIO" },
};
