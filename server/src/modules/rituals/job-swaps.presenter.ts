// Job swap rows to the API's shape (contracts/job-swaps.ts).
import type { JobSwap, JobSwapPerson } from "#contracts/job-swaps";
import type { JobSwapRow } from "./job-swaps.queries";
import { canReflect, phaseOf } from "./job-swaps.rules";

type PersonRow = JobSwapRow["marketingPerson"];

function presentSwapPerson(row: PersonRow): JobSwapPerson {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    team:
      row.teamId !== null && row.teamName !== null && row.teamKind !== null
        ? { id: row.teamId, name: row.teamName, kind: row.teamKind }
        : null,
  };
}

const reflection = (text: string | null, at: Date | null) =>
  text !== null && at !== null ? { text, writtenAt: at.toISOString() } : null;

/** A job swap as the API shows it, as of `today`. */
export function presentJobSwap(row: JobSwapRow, today: string): JobSwap {
  const { swap } = row;
  const marketing = reflection(swap.marketingReflection, swap.marketingReflectedAt);
  const it = reflection(swap.itReflection, swap.itReflectedAt);
  return {
    id: swap.id,
    kind: swap.kind,
    marketingPerson: presentSwapPerson(row.marketingPerson),
    itPerson: presentSwapPerson(row.itPerson),
    startDate: swap.startDate,
    endDate: swap.endDate,
    goals: swap.goals,
    phase: phaseOf(swap, today),
    reflections: { marketing, it },
    reflectionsDue: canReflect(swap, today) && (marketing === null || it === null),
    createdAt: swap.createdAt.toISOString(),
    updatedAt: swap.updatedAt.toISOString(),
    version: swap.version,
  };
}
