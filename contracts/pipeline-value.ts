// The value review's report: expected against realised benefit of reviewed requests.
import { z } from "zod";
import { Id } from "./common";
import { RequestType } from "./pipeline-request";
import { CalendarDate, Currency } from "./stack";

/** Expected against realised benefit of reviewed requests, overall, per type and per sponsor. */
const ValueFigures = z.object({
  reviewed: z.number().int(),
  expected: z.number(),
  realised: z.number(),
  /** realised ÷ expected; null when nothing was expected. */
  ratio: z.number().nullable(),
});
export const ValueReportQuery = z.object({
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
  /** Amounts in different currencies are never added: the report covers requests in this one. */
  currency: Currency.default("EUR"),
});
export type ValueReportQuery = z.infer<typeof ValueReportQuery>;
export const ValueReport = z.object({
  from: z.string(),
  to: z.string(),
  currency: z.string(),
  overall: ValueFigures,
  byType: z.array(ValueFigures.extend({ type: RequestType })),
  bySponsor: z.array(ValueFigures.extend({ sponsor: z.object({ id: Id, name: z.string() }).nullable() })),
  /** Delivered requests whose review is still to come. */
  pendingReviews: z.number().int(),
});
export type ValueReport = z.infer<typeof ValueReport>;
