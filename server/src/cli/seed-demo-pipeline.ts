// The demo company's year of requests: ~300 across types and classes, with timings that tell a story — IT's
// first responses and decisions were slow in the first months and improved once the rules of engagement took
// hold; most requests delivered their benefit, some fell short, a few were declined with alternatives.
import { and, eq, inArray } from "drizzle-orm";
import type { RequestType, Stage } from "#contracts/pipeline";
import { addBusinessMinutes, type CompiledCalendar, compileCalendar } from "#engines/sla";
import type { Tx } from "../db/client";
import { comments, requestEvents, requestRaci, requests, tools, watchers, workCalendars } from "../db/schema";
import { type ClockEvent, clockColumns, computeClocks } from "../modules/pipeline/pipeline.clocks";
import {
  DEFAULT_SCORING,
  DEFAULT_SLA,
  defaultRaciTemplate,
  instantiateRaci,
  REVIEW_AFTER_DAYS,
  rankFromScore,
  scoreRequest,
} from "../modules/pipeline/pipeline.rules";
import { BENEFIT_STEP, HOLIDAYS, PRIORITIES, SUFFIXES, TITLE_REPEATS, TITLES, TYPES } from "./seed-demo-pipeline-data";

/** The people of the demo company the pipeline needs, by email. */
export type PeopleByEmail = Map<string, string>;

// A deterministic pseudo-random sequence, so every demo shows the same story.
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
  };
}

const DAY = 86_400_000;

type TitlesUsed = { titles: Set<string>; bases: Map<string, number> };

/**
 * A title no other demo request has: the picked base and suffix when free, else the next free pair, walking the
 * suffixes then the type's other bases, each base at most TITLE_REPEATS times.
 */
function uniqueTitle(used: TitlesUsed, type: RequestType, base: string, suffix: string): string {
  const bases = TITLES[type];
  const first = bases.indexOf(base);
  for (let b = 0; b < bases.length; b++) {
    const candidate = bases[(first + b) % bases.length];
    if ((used.bases.get(candidate) ?? 0) >= TITLE_REPEATS) continue;
    for (let s = 0; s < SUFFIXES.length; s++) {
      const title = `${candidate}${SUFFIXES[(SUFFIXES.indexOf(suffix) + s) % SUFFIXES.length]}`;
      if (used.titles.has(title)) continue;
      used.titles.add(title);
      used.bases.set(candidate, (used.bases.get(candidate) ?? 0) + 1);
      return title;
    }
  }
  throw new Error(`the demo has more ${type} requests than distinct titles`);
}

interface Step {
  stage: Stage;
  at: number;
  kind?: "stage" | "decision" | "review" | "paused" | "resumed";
  data?: Record<string, unknown>;
}

export async function seedDemoPipeline(
  tx: Tx,
  workspaceId: string,
  people: PeopleByEmail,
  teamByKind: Record<string, string>,
  now: Date,
) {
  const person = (email: string) => people.get(email) as string;
  const requesters = [
    "marketing.ops@northwind.example",
    "martech@northwind.example",
    "content@northwind.example",
    "cmo@northwind.example",
  ].map(person);
  const sponsors = [person("cmo@northwind.example"), person("marketing.ops@northwind.example")];
  const itPartners = [
    "it.partner@northwind.example",
    "architect@northwind.example",
    "data.engineer@northwind.example",
  ].map(person);
  const deciders = [person("cio@northwind.example"), person("it.partner@northwind.example")];

  // The company's calendar: Hamburg office hours with German holidays, the default for every class.
  await tx
    .update(workCalendars)
    .set({
      name: "Hamburg office",
      timeZone: "Europe/Berlin",
      workingDays: [1, 2, 3, 4, 5],
      startTime: "09:00",
      endTime: "17:30",
      holidays: HOLIDAYS,
      updatedAt: now,
    })
    .where(and(eq(workCalendars.workspaceId, workspaceId), eq(workCalendars.isDefault, true)));
  const calendar: CompiledCalendar = compileCalendar({
    timeZone: "Europe/Berlin",
    workingDays: [1, 2, 3, 4, 5],
    workingHours: { start: "09:00", end: "17:30" },
    holidays: HOLIDAYS,
  });
  const stackTools = await tx
    .select({ id: tools.id, name: tools.name })
    .from(tools)
    .where(and(eq(tools.workspaceId, workspaceId), inArray(tools.status, ["sanctioned"])));

  const rnd = random(20261123);
  const titlesUsed: TitlesUsed = { titles: new Set(), bases: new Map() };
  const total = 300;
  const rows: (typeof requests.$inferInsert)[] = [];
  const histories: {
    steps: Step[];
    number: number;
    requesterId: string;
    itPartnerId: string;
    sponsorId: string;
    cost: number | null;
    type: RequestType;
  }[] = [];

  for (let i = 0; i < total; i++) {
    const number = i + 1;
    // Submissions spread over the past year, a little busier lately.
    const daysAgo = Math.floor(364 * rnd.next() ** 1.15) + 1;
    const submittedAt = addBusinessMinutes(calendar, now.getTime() - daysAgo * DAY, rnd.int(0, 400));
    if (submittedAt > now.getTime()) continue;
    const age = (now.getTime() - submittedAt) / DAY;
    const monthIndex = Math.min(11, Math.floor((365 - daysAgo) / 30.5));
    // Slow at first (1.5× the target on average), inside it by the end of the year (0.75×); some requests stall.
    const stall = rnd.chance(0.15) ? 2.5 : 1;
    const pace = (1.5 - monthIndex * 0.07) * (0.5 + rnd.next()) * stall;
    const type = rnd.pick(TYPES);
    const priority = rnd.pick(PRIORITIES);
    const sla = DEFAULT_SLA[priority];
    const requesterId = rnd.pick(requesters);
    const sponsorId = rnd.pick(sponsors);
    const itPartnerId = rnd.pick(itPartners);
    const title = uniqueTitle(titlesUsed, type, rnd.pick(TITLES[type]), rnd.pick(SUFFIXES));

    const steps: Step[] = [{ stage: "submitted", at: submittedAt }];
    let pausedFor = 0;
    const at = (minutes: number) => addBusinessMinutes(calendar, submittedAt, minutes) + pausedFor;
    const firstResponse = Math.max(20, sla.firstResponse * pace * (0.6 + rnd.next() * 0.8));
    // Recent requests queue behind the planning work already under way.
    const queued = daysAgo < 30 && rnd.chance(0.5) ? 1.6 : 1;
    const decisionAfter = Math.max(firstResponse + 60, sla.decision * pace * queued);
    const deliveryAfter = decisionAfter + sla.delivery * (0.4 + rnd.next() * 0.8) * pace;
    const waits = rnd.chance(0.15);
    const plan: Step[] = [{ stage: "triage", at: at(firstResponse) }];
    if (waits) {
      const from = at(firstResponse + 30);
      plan.push({ stage: "triage", kind: "paused", at: from, data: { reason: "Which systems does this touch?" } });
      pausedFor = rnd.int(1, 4) * DAY;
      plan.push({ stage: "triage", kind: "resumed", at: from + pausedFor });
    }
    plan.push({ stage: "planning", at: at(firstResponse + (decisionAfter - firstResponse) * 0.3) });
    plan.push({ stage: "decision", at: at(firstResponse + (decisionAfter - firstResponse) * 0.6) });
    const outcome = rnd.chance(0.87) ? "approved" : rnd.chance(0.5) ? "declined" : "alternative";
    const withdrawn = age > 20 && rnd.chance(0.04);
    if (withdrawn) {
      plan.splice(1 + rnd.int(0, 1));
      plan.push({ stage: "withdrawn", at: plan[plan.length - 1].at + DAY });
    } else {
      plan.push({
        stage: outcome === "approved" ? "delivery" : "declined",
        kind: "decision",
        at: at(decisionAfter),
        data: { outcome },
      });
      if (outcome === "approved") {
        const deliveredAt = at(deliveryAfter);
        plan.push({ stage: "delivered", at: deliveredAt });
        plan.push({ stage: "value_review", at: deliveredAt + REVIEW_AFTER_DAYS * DAY });
        plan.push({ stage: "closed", kind: "review", at: deliveredAt + (REVIEW_AFTER_DAYS + rnd.int(1, 12)) * DAY });
      }
    }
    for (const step of plan) {
      if (step.at > now.getTime()) break;
      steps.push(step);
    }
    const last = steps.filter((step) => step.kind !== "paused" && step.kind !== "resumed").at(-1) as Step;
    const stage = last.stage;
    const find = (s: Stage, kind?: string) =>
      steps.find((step) => step.stage === s && (kind ? step.kind === kind : true));
    const decisionStep = steps.find((step) => step.kind === "decision");
    const delivered = find("delivered");
    const reviewed = steps.find((step) => step.kind === "review");
    const triaged = find("triage");
    // A year's benefit in proportion to the company: a few thousand euros for a change, tens of thousands for
    // a project; what it costs is a share of that, and the hours saved are a team's weeks, not years.
    const expected = BENEFIT_STEP[type] * rnd.int(2, 16);
    const softHours = rnd.chance(0.6) ? rnd.int(2, 30) * 5 : null;
    const cost = rnd.chance(0.8) ? Math.round((expected * rnd.int(15, 70)) / 100 / 100) * 100 : null;
    const scores = triaged
      ? {
          reach: rnd.int(1, 500) * 100,
          value: rnd.int(2, 10),
          urgency: rnd.int(1, 10),
          risk: rnd.int(1, 8),
          effort: rnd.int(1, 12),
        }
      : null;
    const confidence = rnd.int(4, 9) * 10;
    const score = scores ? scoreRequest(DEFAULT_SCORING, { ...scores, confidence }).score : null;
    const alternativeTool = stackTools.length > 0 ? rnd.pick(stackTools) : null;
    const declined = decisionStep && outcome !== "approved";
    const row: typeof requests.$inferInsert = {
      workspaceId,
      number,
      type,
      title,
      problem: `Today this takes manual work across teams and slows the ${type === "data" ? "quarterly review" : "campaign calendar"}.`,
      outcome: "Faster campaigns with fewer hand-offs, measured on the scorecard.",
      beneficiaries: rnd.pick(["E-commerce team", "Regional marketing", "CRM team", "Brand and content", "Finance"]),
      objectives: rnd.pick([
        "Grow online revenue 15%",
        "Retention: repeat purchase rate",
        "Lower cost per acquisition",
        "One customer view",
      ]),
      deadline: rnd.chance(0.4) ? new Date(submittedAt + rnd.int(20, 120) * DAY).toISOString().slice(0, 10) : null,
      deadlineReason: "",
      dataClasses: rnd.chance(0.5) ? ["personal"] : [],
      expectedBenefit: String(expected),
      softHours: softHours === null ? null : String(softHours),
      hourlyRate: softHours === null ? null : String(rnd.int(65, 95)),
      costEstimate: cost === null ? null : String(cost),
      currency: "EUR",
      confidence,
      requesterId,
      sponsorId,
      itPartnerId: triaged ? itPartnerId : null,
      teamId: teamByKind.marketing,
      priority: triaged ? priority : null,
      reach: scores ? String(scores.reach) : null,
      valueScore: scores?.value ?? null,
      urgencyScore: scores?.urgency ?? null,
      riskScore: scores?.risk ?? null,
      effort: scores ? String(scores.effort) : null,
      score,
      rank: rankFromScore(score),
      stage,
      stageChangedAt: new Date(last.at),
      waitingOnRequester: false,
      architectureNotes: find("planning") ? "Fits the current architecture; reuses the CDP's event stream." : "",
      integrationNotes: find("planning") ? "Native connector to the CRM; contacts one way." : "",
      securityNotes: find("planning") ? "SSO required; vendor security review on file." : "",
      toolIds: find("planning") && alternativeTool ? [alternativeTool.id] : [],
      decision: decisionStep ? (outcome as "approved" | "declined" | "alternative") : null,
      decisionReason: decisionStep
        ? outcome === "approved"
          ? "Clear benefit, fits the stack, budget confirmed."
          : "We already run a tool with this capability."
        : null,
      alternatives: declined
        ? [{ text: "Use the capability of a tool we already own", toolId: alternativeTool?.id ?? null }]
        : [],
      decidedById: decisionStep ? rnd.pick(deciders) : null,
      alternativeAcceptedAt: null,
      reviewDueOn: delivered ? new Date(delivered.at + REVIEW_AFTER_DAYS * DAY).toISOString().slice(0, 10) : null,
      // Measured against the whole expectation, the hours saved included (valued near the average rate).
      realisedBenefit: reviewed
        ? String(Math.round((expected + (softHours ?? 0) * 80) * (0.45 + rnd.next() * 0.8)))
        : null,
      reviewNotes: reviewed ? "Measured on the scorecard over the quarter after delivery." : "",
      reviewedAt: reviewed ? new Date(reviewed.at) : null,
      submittedAt: new Date(submittedAt),
      firstResponseAt: triaged ? new Date(triaged.at) : null,
      decidedAt: decisionStep ? new Date(decisionStep.at) : null,
      deliveredAt: delivered ? new Date(delivered.at) : null,
      createdAt: new Date(submittedAt),
      updatedAt: new Date(last.at),
    };
    const events: ClockEvent[] = steps.map((step) => ({
      kind: step.kind ?? "stage",
      toStage: step.stage,
      at: new Date(step.at),
    }));
    const clocks = computeClocks(
      calendar,
      {
        submittedAt: row.submittedAt ?? null,
        firstResponseAt: row.firstResponseAt ?? null,
        decidedAt: row.decidedAt ?? null,
        deliveredAt: row.deliveredAt ?? null,
        stage,
        waitingOnRequester: false,
      },
      events,
      { firstResponse: sla.firstResponse, decision: sla.decision, delivery: sla.delivery },
      now,
    );
    Object.assign(row, clockColumns(clocks));
    rows.push(row);
    histories.push({ steps, number, requesterId, itPartnerId, sponsorId, cost, type });
  }

  const inserted = await tx.insert(requests).values(rows).returning({ id: requests.id, number: requests.number });
  const idOf = new Map(inserted.map((row) => [row.number, row.id]));
  const eventRows: (typeof requestEvents.$inferInsert)[] = [];
  const raciRows: (typeof requestRaci.$inferInsert)[] = [];
  const watcherRows: (typeof watchers.$inferInsert)[] = [];
  const commentRows: (typeof comments.$inferInsert)[] = [];
  for (const history of histories) {
    const requestId = idOf.get(history.number) as string;
    let previous: Stage | null = null;
    for (const step of history.steps) {
      const kind = step.kind ?? "stage";
      const moves = kind === "stage" || kind === "decision" || kind === "review";
      eventRows.push({
        workspaceId,
        requestId,
        kind,
        fromStage: moves ? previous : null,
        toStage: moves ? step.stage : null,
        actorId: step.stage === "submitted" || step.stage === "withdrawn" ? history.requesterId : history.itPartnerId,
        at: new Date(step.at),
        data: step.data ?? {},
      });
      if (moves) previous = step.stage;
    }
    const raci = instantiateRaci(defaultRaciTemplate(history.type), {
      requesterId: history.requesterId,
      sponsorId: history.sponsorId,
      itPartnerId: history.steps.length > 1 ? history.itPartnerId : null,
      costEstimate: history.cost,
      teamByKind,
    });
    for (const [position, row] of raci.entries()) raciRows.push({ ...row, workspaceId, requestId, position });
    for (const userId of new Set([history.requesterId, history.sponsorId])) watcherRows.push({ requestId, userId });
    if (history.steps.length > 2) {
      commentRows.push({
        workspaceId,
        requestId,
        authorId: history.itPartnerId,
        body: "Looked at this with architecture: no new vendor needed for the first step.",
        mentions: [history.requesterId],
        createdAt: new Date(history.steps[1].at + 3_600_000),
      });
    }
  }
  for (let i = 0; i < eventRows.length; i += 500) await tx.insert(requestEvents).values(eventRows.slice(i, i + 500));
  for (let i = 0; i < raciRows.length; i += 500) await tx.insert(requestRaci).values(raciRows.slice(i, i + 500));
  await tx.insert(watchers).values(watcherRows).onConflictDoNothing();
  if (commentRows.length > 0) await tx.insert(comments).values(commentRows);
  return { requests: rows.length, events: eventRows.length };
}
