import { z } from "zod";
import { Id } from "./common";
import { PartnershipGlance } from "./health";

/** A short link to a record, with a line about it. */
const HomeItem = z.object({ id: z.string(), title: z.string(), detail: z.string(), url: z.string() });
export type HomeItem = z.infer<typeof HomeItem>;

/** The first few records of a list, how many were counted, and whether there are more than that. */
const HomeList = z.object({ items: z.array(HomeItem), count: z.number().int(), more: z.boolean() });
export type HomeList = z.infer<typeof HomeList>;

/** An amount per currency, as a decimal string. */
const Amount = z.object({ currency: z.string(), amount: z.string() });

/** `GET /api/v1/home`: what waits on the signed-in person, and the shared picture of the partnership. */
export const HomeSummary = z.object({
  asOf: z.string(),
  mine: z.object({
    /** Requests that wait on me (as Pipeline › My work lists them). */
    requests: HomeList,
    /** My KPIs with no reading or off track / at risk: time to check in. */
    kpisToCheckIn: HomeList,
    /** My stopped experiments, ready for my decision. */
    experimentsToDecide: HomeList,
    /** Open purchase reviews of my team kind (as Guardrails › Reviews lists them as "mine"). */
    reviews: HomeList,
  }),
  /** Service levels of the last 12 months (the Service levels page's report): share within target, by month. */
  serviceLevels: z
    .object({
      decision: z.object({ met: z.number().int(), total: z.number().int(), share: z.number().nullable() }),
      delivery: z.object({ met: z.number().int(), total: z.number().int(), share: z.number().nullable() }),
      /** The workspace's goal for the share within target, in percent. */
      goal: z.number().int(),
      trend: z.array(
        z.object({ month: z.string(), decisionShare: z.number().nullable(), deliveryShare: z.number().nullable() }),
      ),
    })
    .nullable(),
  /** Requests at the decision stage. */
  awaitingDecision: HomeList,
  /** Open requests past a service-level target. */
  breaching: HomeList,
  /** The latest attribution run's which-half verdict. */
  whichHalf: z
    .object({
      runId: Id,
      headline: z.string(),
      currency: z.string(),
      totalSpend: z.string(),
      totalValue: z.string(),
      url: z.string(),
    })
    .nullable(),
  /** Renewals whose cancel-by date falls in the next 90 days, with the money at stake. */
  renewals: z.object({ list: HomeList, atStake: z.array(Amount) }),
  /** Shadow-IT candidates found in the card statements, with their yearly spend. */
  shadowIt: z.object({ candidates: z.number().int(), yearlySpend: z.array(Amount) }),
  /** Stopped experiments waiting for a decision. */
  experimentsToDecide: HomeList,
  /** Live tools with compliance gaps, of all live tools. */
  compliance: z.object({ tools: z.number().int(), withGaps: z.number().int(), list: HomeList }),
  /** The Scorecard: objectives of today's period (shared or not) and the KPIs off track or at risk. */
  scorecard: z.object({
    objectives: z.array(
      z.object({ id: Id, title: z.string(), shared: z.boolean(), kpiCount: z.number().int(), url: z.string() }),
    ),
    offTrack: HomeList,
    atRisk: HomeList,
  }),
  /** Rituals: my next meeting (of a series I take part in) and my open commitments due within a week, overdue first. */
  rituals: z.object({
    nextMeeting: z
      .object({
        id: Id,
        title: z.string(),
        startsAt: z.string(),
        endsAt: z.string(),
        agendaItemCount: z.number().int(),
        prepared: z.boolean(),
        url: z.string(),
      })
      .nullable(),
    commitmentsDue: HomeList,
  }),
  /** Health: "the partnership at a glance" (the Alignment Index, trend, top drivers, change, next actions). */
  partnership: PartnershipGlance.nullable(),
});
export type HomeSummary = z.infer<typeof HomeSummary>;
