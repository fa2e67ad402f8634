import { z } from "zod";
import { ExperimentOutcome, ExperimentStatus } from "#contracts/experiments";
import { TermStatus } from "#contracts/glossary";
import { Role, TeamKind, UserStatus } from "#contracts/people";
import { Priority, RequestType, Stage } from "#contracts/pipeline";
import { Lifecycle, StackCategory, ToolListQuery, ToolStatus } from "#contracts/stack";

// Each page's search parameters, read with the contracts' own enums, so a filter the API would refuse never
// reaches it from a URL. Reading is lenient: a value a schema refuses is dropped (an old or hand-edited link
// still opens the page, unfiltered), never an error page.

// The router hands parameters over JSON-parsed: `?q=12` arrives as 12 and `?archived=true` as true.
const asText = (value: unknown) => (typeof value === "number" || typeof value === "boolean" ? String(value) : value);

type Shape = Record<string, z.ZodType>;
type SearchOf<S extends Shape> = { [K in keyof S]?: z.output<S[K]> };

/** A route's `validateSearch` from a shape of schemas: each parameter kept only when its schema accepts it. */
export function searchOf<const S extends Shape>(shape: S): (search: Record<string, unknown>) => SearchOf<S> {
  return (search) => {
    const read: Record<string, unknown> = {};
    for (const [name, schema] of Object.entries(shape)) {
      const parsed = schema.safeParse(asText(search[name]));
      if (parsed.success && parsed.data !== undefined) read[name] = parsed.data;
    }
    return read as SearchOf<S>;
  };
}

/** Free text: non-blank, as typed. */
const text = z
  .string()
  .max(500)
  .refine((value) => value.trim() !== "");
/** A yes-only flag (`?archived=true`); its absence is "no". */
const flag = z.literal("true");
const isoDate = z.iso.date();
/** `?open=create` style flags that let the command palette open a dialog on a page. */
const open = z.enum(["invite", "create"]);

export const openSearch = searchOf({ open });
export const signInSearch = searchOf({ redirect: z.string() });
export const peopleSearch = searchOf({ open, q: text, teamId: text, role: Role, status: UserStatus });
export const stackSearch = searchOf({
  open,
  q: text,
  category: StackCategory,
  status: ToolStatus,
  lifecycle: Lifecycle,
  needsOwner: flag,
  archived: flag,
  sort: ToolListQuery.shape.sort.unwrap(),
});
export const experimentsSearch = searchOf({ open, q: text, status: ExperimentStatus, outcome: ExperimentOutcome });
export const learningsSearch = searchOf({ q: text, outcome: ExperimentOutcome, kpi: text, channel: text });
export const pipelineSearch = searchOf({
  q: text,
  type: RequestType,
  priority: Priority,
  stage: z.union([z.literal("in_flight"), Stage]),
  teamId: text,
  sponsorId: text,
  breached: flag,
});
/** The scorecard's date and scope, so a past review can be shared as a link. */
export const scorecardSearch = searchOf({ asOf: isoDate, scope: z.literal("all") });
export const glossarySearch = searchOf({
  q: text,
  status: TermStatus,
  clashing: z.enum(["true", "false"]),
  teamKind: TeamKind,
});
export const healthSearch = searchOf({ team: text });
export const guardrailsPolicySearch = searchOf({ id: text });
/** The reviews list's view and the review open in its dialog (Home links to one review). */
export const guardrailsReviewsSearch = searchOf({ view: z.enum(["mine", "open", "all"]), review: text });
/** My commitments: which ones (open by default) and the one a link points at. */
export const commitmentsSearch = searchOf({ status: z.enum(["done", "all"]), item: z.string().min(1) });
