/** Luftman's six criteria, in the order the index shows them. */
export const CRITERIA = [
  "communications",
  "value_measurement",
  "governance",
  "partnership",
  "scope_architecture",
  "skills",
] as const;
export type Criterion = (typeof CRITERIA)[number];
export type ItemCriterion = Criterion | "outcome";
export type Side = "marketing" | "it";
export const SIDES: readonly Side[] = ["marketing", "it"];

/** The engine's constants; the header of `index.ts` states the formulas they enter. */
export const AlignmentRules = {
  /** Weight of the survey part of a criterion (the behaviour part gets the rest). */
  surveyWeight: 0.7,
  behaviourWeight: 0.3,
  /** Gap penalty: `min(gapCap, gapRate × gap)` points off the survey part; gapRate < 0.5 keeps it monotone. */
  gapRate: 0.25,
  gapCap: 10,
  /** The score (0–100) from which a criterion reaches level 1..5. */
  levelFrom: [0, 20, 40, 60, 80] as const,
  /** A gap shown as a driver from this many points. */
  gapDriverMin: 10,
  /** An item shown as associated with the outcome from this correlation, with at least `driverAnswersMin` pairs. */
  associationMin: 0.3,
  driverAnswersMin: 30,
  /** Comments of a group only from this many respondents. */
  commentsK: 10,
  /** How many drivers of each kind. */
  driversPerKind: 3,
} as const;

/** One respondent's answers: item id → 1..5. */
export type Respondent = { readonly answers: Readonly<Record<string, number>> };

/** One item's aggregate within a group. */
export type ItemAggregate = {
  itemId: string;
  criterion: ItemCriterion;
  /** How many answered the item. */
  answers: number;
  /** The sum of their values (1..5 each). */
  total: number;
  /** How many answered 4 or 5. */
  agree: number;
};

/** A group's aggregates: its respondents and per item sums. */
export type GroupAggregate = { respondents: number; items: ItemAggregate[] };

/** A behavioural signal on 0–100 (higher is better), null without data. */
export type SignalInput = { criterion: Criterion; key: string; value: number | null };

export type SurveyPart = { marketing: number; it: number; gap: number; mean: number; penalty: number; score: number };

export type CriterionResult = {
  key: Criterion;
  /** Per side on 0–100, null when either side is below k (or did not answer the criterion). */
  survey: SurveyPart | null;
  behaviour: number | null;
  score: number | null;
  level: number | null;
  signals: SignalInput[];
};

export type AlignmentResult = {
  index: number | null;
  level: { average: number | null; weakestLink: number | null };
  criteria: CriterionResult[];
};

export type Driver = {
  kind: "low_criterion" | "large_gap" | "outcome_item";
  criterion: Criterion;
  itemId: string | null;
  value: number;
  message: string;
};

export type TrendInput = {
  id: string;
  title: string;
  on: string;
  status: "draft" | "open" | "closed";
  /** The pulse's own k (defaults to the trend's). */
  k?: number;
  /** Null: the side was below k for this pulse. */
  marketing: GroupAggregate | null;
  it: GroupAggregate | null;
  signals: SignalInput[];
};

export type CriterionChange = { key: Criterion; delta: number | null; because: string };

export type TrendPoint = {
  id: string;
  title: string;
  on: string;
  status: "draft" | "open" | "closed";
  hidden: boolean;
  index: number | null;
  result: AlignmentResult | null;
  changes: CriterionChange[];
};
