import type { experiments } from "../src/db/schema";
import { insertExperiment } from "../src/modules/experiments/experiments.queries";
import type { TestApp } from "./app";
import { unique } from "./factories";

/** The body of a valid experiment: a sign-up-rate test with a control and one treatment. */
export function experimentBody(overrides: Record<string, unknown> = {}) {
  return {
    name: unique("Shorter sign-up form "),
    hypothesis: {
      change: "asking only for an email on the sign-up form",
      outcome: "more visitors to sign up",
      measure: "the sign-up rate of visitors who see the form",
    },
    kpi: "Sign-up rate",
    channel: "Website",
    variants: [
      { name: "Control", weight: 50 },
      { name: "Short form", weight: 50 },
    ],
    primaryMetric: { name: "sign-up rate", type: "proportion" },
    ...overrides,
  };
}

/** An experiment stored straight in the database (running unless told), owned by `ownerId`. */
export async function buildExperiment(
  t: TestApp,
  workspaceId: string,
  ownerId: string | null,
  overrides: Partial<typeof experiments.$inferInsert> = {},
) {
  const now = new Date();
  return insertExperiment(t.database.db, {
    workspaceId,
    name: unique("Experiment "),
    hypothesisChange: "a green button",
    hypothesisOutcome: "more clicks",
    hypothesisMeasure: "click-through rate",
    kpi: "Click-through rate",
    ownerId,
    status: "running",
    startedAt: now,
    variants: [
      { name: "Control", weight: 50 },
      { name: "Green", weight: 50 },
    ],
    primaryMetric: {
      name: "click-through rate",
      type: "proportion",
      direction: "increase",
      method: "frequentist",
      alpha: 0.05,
      sided: "two",
      difference: "relative",
      mde: null,
    },
    otherMetrics: [],
    createdAt: now,
    updatedAt: now,
    ...overrides,
  });
}
