import type { Database } from "../db/client";
import { recordAudit } from "../modules/audit/audit.commands";
import { hashPassword } from "../modules/auth/auth.commands";
import { insertUser } from "../modules/users/users.commands";
import { createWorkspace } from "../modules/workspaces/workspaces.commands";
import { DEMO_PASSWORD } from "./demo-accounts";
import { seedDemoExpenses } from "./seed-demo-expenses";
import { seedDemoExperiments } from "./seed-demo-experiments";
import { seedDemoGlossary } from "./seed-demo-glossary";
import { seedDemoGuardrails } from "./seed-demo-guardrails";
import { seedDemoHealth } from "./seed-demo-health";
import { seedDemoJobSwaps } from "./seed-demo-job-swaps";
import { seedDemoPipeline } from "./seed-demo-pipeline";
import { seedDemoRituals } from "./seed-demo-rituals";
import { seedDemoScorecard } from "./seed-demo-scorecard";
import { seedDemoStack } from "./seed-demo-stack";
import { seedDemoValue } from "./seed-demo-value";

/** The demo sign-in, printed at start. */
export const DEMO_ADMIN = { email: "cio@northwind.example", password: DEMO_PASSWORD };

const people = [
  { name: "Priya Raman", email: "cio@northwind.example", team: "it", role: "admin" },
  { name: "Marcus Hale", email: "cmo@northwind.example", team: "marketing", role: "admin" },
  { name: "Sofia Lindqvist", email: "marketing.ops@northwind.example", team: "marketing", role: "member" },
  { name: "Daniel Okafor", email: "martech@northwind.example", team: "marketing", role: "member" },
  { name: "Hannah Weiss", email: "content@northwind.example", team: "marketing", role: "member" },
  { name: "Tomás Ortega", email: "it.partner@northwind.example", team: "it", role: "member" },
  { name: "Mei Chen", email: "architect@northwind.example", team: "it", role: "member" },
  { name: "Ravi Patel", email: "data.engineer@northwind.example", team: "it", role: "member" },
  { name: "Grace Nakamura", email: "security@northwind.example", team: "security", role: "member" },
  { name: "Oliver Brandt", email: "legal@northwind.example", team: "legal", role: "member" },
  { name: "Amara Nwosu", email: "finance@northwind.example", team: "finance", role: "member" },
  { name: "Elena Rossi", email: "ceo@northwind.example", team: "marketing", role: "viewer" },
] as const;

/** Seeds the demo company: Northwind Outfitters, its teams and people, and its martech stack. */
export async function seedDemo(database: Database, now: Date) {
  const passwordHash = await hashPassword(DEMO_ADMIN.password);
  const workspaceId = await database.db.transaction(async (tx) => {
    const { workspace, teams } = await createWorkspace(tx, "Northwind Outfitters", now);
    const teamOf = (kind: string) => teams.find((team) => team.kind === kind) ?? teams[0];
    const owners = { business: [] as string[], technical: [] as string[] };
    const byEmail = new Map<string, string>();
    for (const person of people) {
      const user = await insertUser(tx, {
        workspaceId: workspace.id,
        teamId: teamOf(person.team).id,
        email: person.email,
        name: person.name,
        passwordHash,
        role: person.role,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(
        tx,
        { workspaceId: workspace.id, actorId: null, actorLabel: "demo seed", ip: null, at: now },
        {
          action: "user.created",
          entityType: "user",
          entityId: user.id,
          after: { email: user.email, role: user.role },
        },
      );
      byEmail.set(person.email, user.id);
      if (person.team === "marketing" && person.role === "member") owners.business.push(user.id);
      if (person.team === "it" && person.role === "member") owners.technical.push(user.id);
    }
    const stack = await seedDemoStack(tx, workspace.id, owners, now);
    await recordAudit(
      tx,
      { workspaceId: workspace.id, actorId: null, actorLabel: "demo seed", ip: null, at: now },
      { action: "stack.seeded", entityType: "workspace", entityId: workspace.id, after: stack },
    );
    await seedDemoValue(tx, workspace.id, now);
    const expenses = await seedDemoExpenses(tx, workspace.id, byEmail.get("finance@northwind.example") as string, now);
    await recordAudit(
      tx,
      { workspaceId: workspace.id, actorId: null, actorLabel: "demo seed", ip: null, at: now },
      { action: "discovery.seeded", entityType: "workspace", entityId: workspace.id, after: expenses },
    );
    const teamByKind = Object.fromEntries(teams.map((team) => [team.kind, team.id]));
    const pipeline = await seedDemoPipeline(tx, workspace.id, byEmail, teamByKind, now);
    await recordAudit(
      tx,
      { workspaceId: workspace.id, actorId: null, actorLabel: "demo seed", ip: null, at: now },
      { action: "pipeline.seeded", entityType: "workspace", entityId: workspace.id, after: pipeline },
    );
    await seedDemoExperiments(tx, workspace.id, owners, now);
    return workspace.id;
  });
  await seedDemoGuardrails(database, workspaceId, now);
  await seedDemoGlossary(database, workspaceId, now);
  await seedDemoJobSwaps(database, workspaceId, now);
  // The Scorecard comes last: its computed KPIs read what the rest of the demo committed (the purchases the policy
  // approved are tools of the stack and requests of the Pipeline by then).
  await seedDemoScorecard(database, workspaceId, now);
  // Rituals after the Scorecard: the next sync's agenda is built from the live KPIs, requests, renewals and clashes.
  await seedDemoRituals(database, workspaceId, now);
  // Health after the Scorecard: each pulse's close keeps the signals the other modules show by then.
  await seedDemoHealth(database, workspaceId, now);
  return DEMO_ADMIN;
}
