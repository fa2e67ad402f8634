import { z } from "zod";
import { Id, Timestamp } from "./common";
import { StackCategory } from "./stack-taxonomy";
import {
  ComplianceGap,
  ComplianceStatus,
  DataClass,
  IntegrationDirection,
  Lifecycle,
  Money,
  ToolStatus,
} from "./stack-tools";

/** Tools of one subcategory sharing capabilities. */
export const OverlapGroup = z.object({
  category: StackCategory,
  subcategory: z.string(),
  sharedCapabilities: z.array(z.string()),
  tools: z.array(
    z.object({
      id: Id,
      name: z.string(),
      status: ToolStatus,
      annualCost: Money.nullable(),
      utilisation: z.number().nullable(),
    }),
  ),
  annualCost: z.array(Money),
  seatsBought: z.number().int(),
  seatsUsed: z.number().int(),
  utilisation: z.number().nullable(),
});
export const OverlapList = z.object({ items: z.array(OverlapGroup) });

/** A contract coming up for renewal. */
export const Renewal = z.object({
  tool: z.object({ id: Id, name: z.string(), vendor: z.string() }),
  renewalDate: z.string(),
  cancelBy: z.string(),
  daysToCancelBy: z.number().int(),
  noticeDays: z.number().int().nullable(),
  autoRenew: z.boolean(),
  annualCost: Money.nullable(),
  businessOwner: z.object({ id: Id, name: z.string() }).nullable(),
  technicalOwner: z.object({ id: Id, name: z.string() }).nullable(),
  reminderDates: z.array(z.string()),
});
export type Renewal = z.infer<typeof Renewal>;
export const RenewalList = z.object({ items: z.array(Renewal) });
export const RenewalQuery = z.object({
  /** Renewals whose cancel-by date falls within this many days (default 365); past ones are included from 30 days back. */
  withinDays: z.coerce.number().int().min(1).max(1095).default(365),
});

/** The workspace's compliance at a glance. */
export const ComplianceSummary = z.object({
  counts: z.object({
    compliant: z.number().int(),
    unknown: z.number().int(),
    atRisk: z.number().int(),
    nonCompliant: z.number().int(),
  }),
  tools: z.array(
    z.object({
      tool: z.object({ id: Id, name: z.string() }),
      status: ComplianceStatus,
      gaps: z.array(ComplianceGap),
      ownershipGaps: z.array(z.string()),
    }),
  ),
});

/** What the graph draws of a tool: its name, kind, status, data and compliance (the page has the rest). */
export const GraphTool = z.object({
  id: Id,
  name: z.string(),
  category: StackCategory,
  status: ToolStatus,
  lifecycle: Lifecycle,
  dataClasses: z.array(DataClass),
  compliance: z.object({
    status: ComplianceStatus,
    gaps: z.array(z.object({ message: z.string() })),
  }),
});
export type GraphTool = z.infer<typeof GraphTool>;

/** What the graph draws of an integration: which way data goes between two tools. */
export const GraphIntegration = z.object({
  id: Id,
  from: z.object({ id: Id }),
  to: z.object({ id: Id }),
  direction: IntegrationDirection,
});
export type GraphIntegration = z.infer<typeof GraphIntegration>;

/**
 * The whole live stack in one answer, for the integration graph: every live tool and every integration between
 * them, with only the fields the graph draws (a 5,000-tool stack stays a few megabytes).
 */
export const StackGraph = z.object({ tools: z.array(GraphTool), integrations: z.array(GraphIntegration) });

/** The signed-in person's calendar feed of renewals. */
export const CalendarFeedStatus = z.object({ active: z.boolean(), createdAt: Timestamp.nullable() });
/**
 * A new feed address, shown once: `path` carries the renewals; `calendarPath` (the same secret) the renewals and the
 * person's meetings (Rituals), one calendar to subscribe to.
 */
export const CalendarFeedCreated = z.object({ path: z.string(), calendarPath: z.string(), createdAt: Timestamp });
export const CalendarFeedQuery = z.object({ key: z.string().min(1).max(200) });
