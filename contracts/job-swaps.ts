import { z } from "zod";
import { Id, ListQuery, PlanDate, page, Timestamp, Version } from "./common";
import { TeamKind } from "./people";

// Job swaps and shadowing (issue 16, item 7): a marketing person and an IT person spend a period in each other's
// work with goals, and each writes a short reflection once it ended. The programme page lists pairs past, current
// and planned; the Health module counts the swaps held.

/** Limits shared by forms and the server. */
export const JobSwapLimits = {
  goalsMax: 2000,
  reflectionMax: 4000,
  /** A swap lasts at most a year. */
  maxDays: 366,
} as const;

/** A swap (each works a few days in the other's team) or shadowing (one follows the other). */
export const JobSwapKind = z.enum(["swap", "shadowing"]);
export type JobSwapKind = z.infer<typeof JobSwapKind>;

/** Where a swap stands today: not started, under way, or over. */
export const JobSwapPhase = z.enum(["planned", "current", "past"]);
export type JobSwapPhase = z.infer<typeof JobSwapPhase>;

const goals = z
  .string()
  .trim()
  .min(1, { error: "are required" })
  .max(JobSwapLimits.goalsMax, { error: `must be at most ${JobSwapLimits.goalsMax} characters` });

function daysBetween(from: string, to: string) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Pairs a marketing person with an IT person for a period (first day to last day, inclusive) with goals. */
export const CreateJobSwapBody = z
  .strictObject({
    kind: JobSwapKind.default("swap"),
    /** A person of a marketing team. */
    marketingPersonId: Id,
    /** A person of an IT team. */
    itPersonId: Id,
    startDate: PlanDate,
    endDate: PlanDate,
    /** What the two mean to learn or change. */
    goals,
  })
  .superRefine((body, context) => {
    if (body.endDate < body.startDate) {
      context.addIssue({ code: "custom", path: ["endDate"], message: "must be on or after the start date" });
    } else if (daysBetween(body.startDate, body.endDate) >= JobSwapLimits.maxDays) {
      context.addIssue({ code: "custom", path: ["endDate"], message: "a swap lasts at most a year" });
    }
  });
export type CreateJobSwapBody = z.infer<typeof CreateJobSwapBody>;

/** Edits a swap's kind, period or goals (the period is checked again: start on or before end). */
export const UpdateJobSwapBody = z.strictObject({
  version: Version,
  kind: JobSwapKind.optional(),
  startDate: PlanDate.optional(),
  endDate: PlanDate.optional(),
  goals: goals.optional(),
});
export type UpdateJobSwapBody = z.infer<typeof UpdateJobSwapBody>;

/** One of the two people's reflection, written once the period ended (the last day counts). */
export const WriteJobSwapReflectionBody = z.strictObject({
  text: z
    .string()
    .trim()
    .min(1, { error: "is required" })
    .max(JobSwapLimits.reflectionMax, { error: `must be at most ${JobSwapLimits.reflectionMax} characters` }),
});
export type WriteJobSwapReflectionBody = z.infer<typeof WriteJobSwapReflectionBody>;

/** A person of the pair. */
export const JobSwapPerson = z.object({
  id: Id,
  name: z.string(),
  status: z.enum(["active", "deactivated"]),
  team: z.object({ id: Id, name: z.string(), kind: TeamKind }).nullable(),
});
export type JobSwapPerson = z.infer<typeof JobSwapPerson>;

/** A reflection as written, or null while not written. */
export const JobSwapReflection = z.object({ text: z.string(), writtenAt: Timestamp }).nullable();

/** A job swap as the API shows it. */
export const JobSwap = z.object({
  id: Id,
  kind: JobSwapKind,
  marketingPerson: JobSwapPerson,
  itPerson: JobSwapPerson,
  startDate: z.string(),
  endDate: z.string(),
  goals: z.string(),
  phase: JobSwapPhase,
  reflections: z.object({ marketing: JobSwapReflection, it: JobSwapReflection }),
  /** Over, and at least one of the two has not written a reflection yet. */
  reflectionsDue: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  version: z.number().int(),
});
export type JobSwap = z.infer<typeof JobSwap>;

/** Query of the programme: by phase (past latest first, current and planned soonest first), optionally one person's. */
export const JobSwapListQuery = ListQuery.extend({
  phase: z.enum(["planned", "current", "past", "all"]).default("all"),
  /** Only swaps this person takes part in (`me` for the caller). */
  person: z.union([z.literal("me"), Id]).optional(),
});
export type JobSwapListQuery = z.infer<typeof JobSwapListQuery>;
export const JobSwapPage = page(JobSwap);
export type JobSwapPage = z.infer<typeof JobSwapPage>;

/** The job-swap figures of a window (the Health module's "job swaps held"). */
export const JobSwapsHeld = z.object({
  from: z.string(),
  to: z.string(),
  /** Swaps whose period overlaps the window and had started by its end (or today, if earlier). */
  held: z.number().int(),
  /** Of those, the ones over with both reflections written. */
  reflected: z.number().int(),
  /** Distinct people who took part. */
  people: z.number().int(),
});
export type JobSwapsHeld = z.infer<typeof JobSwapsHeld>;
