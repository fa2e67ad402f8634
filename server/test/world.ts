import { generateSecret, hashSecret } from "../src/lib/secrets";
import { insertInvitation } from "../src/modules/invitations/invitations.queries";
import { insertRequest } from "../src/modules/pipeline/pipeline.queries";
import { insertCalendar } from "../src/modules/pipeline/sla.queries";
import { insertJobSwap } from "../src/modules/rituals/job-swaps.queries";
import { insertKpi } from "../src/modules/scorecard/kpis.queries";
import { insertObjective, insertSegment } from "../src/modules/scorecard/scorecard.queries";
import { insertIntegration, insertTool } from "../src/modules/stack/stack.queries";
import { insertApiToken } from "../src/modules/tokens/tokens.queries";
import type { TestApp } from "./app";
import { buildPersona, buildWorkspace, type Persona, unique } from "./factories";
import { buildExperiment } from "./factories-experiments";
import { buildTerm } from "./factories-glossary";
import { buildGuardrails } from "./factories-guardrails";
import { buildRituals } from "./factories-rituals";

/** The personas of the permission matrix. */
export const PERSONAS = ["anonymous", "viewer", "marketing", "it", "admin", "otherWorkspace"] as const;
export type PersonaName = (typeof PERSONAS)[number];

/**
 * A workspace with one persona of each kind, another workspace's admin, and records to act on:
 * a target member with a session and a token, a pending invitation (and its secret), two tools and an integration.
 */
export async function buildWorld(t: TestApp) {
  const ws = await buildWorkspace(t);
  const [admin, viewer, marketing, it, target, otherWorkspace] = await Promise.all([
    buildPersona(t, { role: "admin", teamKind: "it", workspace: ws }),
    buildPersona(t, { role: "viewer", teamKind: "marketing", workspace: ws }),
    buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws }),
    buildPersona(t, { role: "member", teamKind: "it", workspace: ws }),
    buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws }),
    buildPersona(t, { role: "admin", teamKind: "it" }),
  ]);
  const now = new Date();
  const [targetSession] = await t.database.query<{ id: string }>("SELECT id FROM session WHERE user_id = $1", [
    target.user.id,
  ]);
  const tokenSecret = generateSecret("tdm_");
  const token = await insertApiToken(t.database.db, {
    workspaceId: ws.workspace.id,
    userId: target.user.id,
    name: "script",
    scope: "read",
    tokenHash: hashSecret(tokenSecret),
    prefix: tokenSecret.slice(0, 10),
    expiresAt: new Date(now.getTime() + 86_400_000),
  });
  const invitationSecret = generateSecret();
  const invitation = await insertInvitation(t.database.db, {
    workspaceId: ws.workspace.id,
    email: `${unique("invitee-")}@example.com`,
    role: "member",
    teamId: ws.teamOf("marketing").id,
    invitedBy: admin.user.id,
    tokenHash: hashSecret(invitationSecret),
    expiresAt: new Date(now.getTime() + 86_400_000),
  });
  const [tool, otherTool] = await Promise.all(
    ["Mailer", "Analytics"].map((name) =>
      insertTool(t.database.db, {
        workspaceId: ws.workspace.id,
        name: unique(`${name} `),
        category: "content",
        subcategory: "Email marketing",
        status: "under_review",
        lifecycle: "active",
      }),
    ),
  );
  const integration = await insertIntegration(t.database.db, {
    workspaceId: ws.workspace.id,
    fromToolId: tool.id,
    toToolId: otherTool.id,
    method: "api",
    direction: "one_way",
    dataObjects: ["contacts"],
  });
  // A running experiment owned by the target member (not a persona): only an admin may decide it.
  const experiment = await buildExperiment(t, ws.workspace.id, target.user.id);
  // A submitted request of the target member (no persona is its requester, sponsor or IT partner), and a calendar.
  const pipelineRequest = await insertRequest(t.database.db, {
    workspaceId: ws.workspace.id,
    number: 1,
    type: "change",
    title: "Add a consent field to the signup form",
    requesterId: target.user.id,
    stage: "submitted",
    stageChangedAt: now,
    submittedAt: now,
  });
  const calendar = await insertCalendar(t.database.db, {
    workspaceId: ws.workspace.id,
    name: "Support hours",
    timeZone: "Europe/Berlin",
    workingDays: [1, 2, 3, 4, 5],
    startTime: "08:00",
    endTime: "18:00",
  });
  // A shared objective around today, a segment and a manual KPI owned by the target member (no persona).
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const objective = await insertObjective(t.database.db, {
    workspaceId: ws.workspace.id,
    title: "Grow repeat orders",
    periodStart: day(-30),
    periodEnd: day(60),
    marketingOwnerId: target.user.id,
    itOwnerId: admin.user.id,
  });
  const segment = await insertSegment(t.database.db, { workspaceId: ws.workspace.id, name: "Hikers", priority: 1 });
  const kpi = await insertKpi(t.database.db, {
    workspaceId: ws.workspace.id,
    objectiveId: objective.id,
    name: "Repeat-order rate",
    unit: "percent",
    direction: "up",
    baseline: 20,
    target: 30,
    cadence: "weekly",
    category: "retention",
    ownerId: target.user.id,
    segmentId: segment.id,
    source: "manual",
  });
  // A proposed glossary term, and two terms sharing the acronym CMS in two contexts (an open clash).
  const term = await buildTerm(t, ws.workspace.id, { name: "Customer acquisition cost", acronym: "CAC" });
  const clash = await Promise.all([
    buildTerm(t, ws.workspace.id, { name: "Content management system", acronym: "CMS", context: "content" }),
    buildTerm(t, ws.workspace.id, { name: "Configuration management system", acronym: "CMS", context: "ITSM" }),
  ]);
  // The active purchase policy with a test case, and an open IT review of the world's request.
  const guardrails = await buildGuardrails(t, ws.workspace.id, pipelineRequest.id, admin.user.id);
  // A job swap of the marketing and IT members that ended yesterday: only those two write its reflections.
  const jobSwapId = await insertJobSwap(t.database.db, {
    workspaceId: ws.workspace.id,
    marketingPersonId: marketing.user.id,
    itPersonId: it.user.id,
    startDate: day(-5),
    endDate: day(-1),
    goals: "See each other's week",
  });
  // Health: an open pulse asking one custom item, and that item of the bank.
  const [healthItem] = await t.database.query<{ id: string }>(
    `INSERT INTO health_item (workspace_id, code, criterion, text_marketing, text_it, position)
     VALUES ($1, 'custom-1', 'skills', 'We learn from IT.', 'We learn from marketing.', 9) RETURNING id`,
    [ws.workspace.id],
  );
  const [healthSurvey] = await t.database.query<{ id: string }>(
    `INSERT INTO health_survey (workspace_id, title, status, closes_on, launched_on)
     VALUES ($1, 'Pulse', 'open', '2100-01-01', $2) RETURNING id`,
    [ws.workspace.id, day(0)],
  );
  await t.database.query("INSERT INTO health_survey_item (survey_id, item_id, position) VALUES ($1, $2, 0)", [
    healthSurvey.id,
    healthItem.id,
  ]);
  // Rituals: a weekly series of the marketing and IT members, its meeting tomorrow with an item, an open action item.
  const rituals = await buildRituals(t, ws.workspace.id, {
    marketingId: marketing.user.id,
    itId: it.user.id,
    ownerId: target.user.id,
  });
  const personas: Record<Exclude<PersonaName, "anonymous">, Persona> = { admin, viewer, marketing, it, otherWorkspace };
  return {
    ws,
    personas,
    target,
    targetSessionId: targetSession.id,
    token,
    tokenSecret,
    invitation,
    invitationSecret,
    tool,
    otherTool,
    integration,
    experiment,
    pipelineRequest,
    calendar,
    objective,
    segment,
    kpi,
    term,
    clash,
    guardrails,
    rituals,
    jobSwapId,
    healthItemId: healthItem.id,
    healthSurveyId: healthSurvey.id,
    today: day(0),
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;
