// Northwind's Health: four quarterly pulses answered by its marketing and IT people, through Health's own
// commands (create, launch, respond, close), each acting on its own day. Marketing (8 people: the Marketing team
// and a three-person Brand studio, too small to be shown on its own) and IT (7: IT and security) clear k = 5 in
// every pulse. The answers improve quarter by quarter as IT's responsiveness did (the Pipeline's service levels,
// which each pulse's close keeps as its behavioural signal), governance and value measurement the most; the gap
// between the sides narrows.
import { and, eq, inArray } from "drizzle-orm";
import type { AlignmentCriterion } from "#contracts/health";
import type { Database } from "../db/client";
import { healthItems, healthSurveys, teams } from "../db/schema";
import { hashPassword } from "../modules/auth/auth.commands";
import { closePulse, createPulse, launchPulse, respond } from "../modules/health/health.commands";
import { insertUser } from "../modules/users/users.commands";
import { DEMO_PASSWORD } from "./demo-accounts";
import { demoPersonCtx } from "./demo-person";

/** People the Health demo adds: the Brand studio (a small marketing team) and two more IT people. */
const EXTRA_PEOPLE = [
  { name: "Lucía Romero", email: "brand.lead@northwind.example", team: "Brand studio" },
  { name: "Kwame Mensah", email: "brand.designer@northwind.example", team: "Brand studio" },
  { name: "Ingrid Solberg", email: "brand.copy@northwind.example", team: "Brand studio" },
  { name: "Jonas Becker", email: "integration@northwind.example", team: "it" },
  { name: "Aisha Karimi", email: "service.desk@northwind.example", team: "it" },
] as const;

const MARKETING = [
  "cmo@northwind.example",
  "marketing.ops@northwind.example",
  "martech@northwind.example",
  "content@northwind.example",
  "ceo@northwind.example",
  "brand.lead@northwind.example",
  "brand.designer@northwind.example",
  "brand.copy@northwind.example",
];
const IT = [
  "cio@northwind.example",
  "it.partner@northwind.example",
  "architect@northwind.example",
  "data.engineer@northwind.example",
  "security@northwind.example",
  "integration@northwind.example",
  "service.desk@northwind.example",
];

/** Where each side starts per criterion (mean answer, 1–5) and how much it gains each quarter. */
const START: Record<AlignmentCriterion, { marketing: number; it: number; gain: number }> = {
  communications: { marketing: 2.9, it: 3.2, gain: 0.2 },
  value_measurement: { marketing: 2.3, it: 3.1, gain: 0.35 },
  governance: { marketing: 2.2, it: 2.6, gain: 0.4 },
  partnership: { marketing: 2.8, it: 3.0, gain: 0.25 },
  scope_architecture: { marketing: 3.0, it: 2.5, gain: 0.25 },
  skills: { marketing: 2.7, it: 2.8, gain: 0.15 },
};

const DAY = 86_400_000;

// Items the rest of the demo speaks to: the Pipeline shows IT involved in nearly every purchase since the rules of
// engagement, so marketing agrees IT is involved before a tool is chosen more than with governance at large.
const ITEM_OFFSET: Record<string, number> = { "gov-1": 0.5 };

const LATEST_ITEMS = ["com-5", "com-3", "val-4", "gov-1", "par-1", "par-4", "arc-3", "ski-4"];

async function itemIdsOf(database: Database, workspaceId: string, codes: readonly string[]) {
  const rows = await database.db
    .select({ id: healthItems.id, code: healthItems.code })
    .from(healthItems)
    .where(and(eq(healthItems.workspaceId, workspaceId), inArray(healthItems.code, [...codes])));
  return codes.map((code) => {
    const row = rows.find((entry) => entry.code === code);
    if (!row) throw new Error(`demo item ${code} missing`);
    return row.id;
  });
}

// A small deterministic generator: the demo is the same on every seed.
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Seeds the four pulses; returns their ids. */
export async function seedDemoHealth(database: Database, workspaceId: string, now: Date) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await database.db.transaction(async (tx) => {
    const [marketingTeam] = await tx
      .select()
      .from(teams)
      .where(and(eq(teams.workspaceId, workspaceId), eq(teams.kind, "marketing")));
    const [itTeam] = await tx
      .select()
      .from(teams)
      .where(and(eq(teams.workspaceId, workspaceId), eq(teams.kind, "it")));
    if (!marketingTeam || !itTeam) throw new Error("demo teams missing");
    const [brand] = await tx
      .insert(teams)
      .values({ workspaceId, name: "Brand studio", kind: "marketing", createdAt: now, updatedAt: now })
      .returning();
    for (const person of EXTRA_PEOPLE) {
      await insertUser(tx, {
        workspaceId,
        teamId: person.team === "it" ? itTeam.id : (brand?.id ?? marketingTeam.id),
        email: person.email,
        name: person.name,
        passwordHash,
        role: "member",
        createdAt: now,
        updatedAt: now,
      });
    }
  });
  const random = generator(17);
  const ids: string[] = [];
  for (let quarter = 0; quarter < 4; quarter++) {
    // Launched 3, 2, 1 and 0 quarters (91 days) ago minus two weeks, closed two weeks later.
    const launchedAt = new Date(now.getTime() - ((3 - quarter) * 91 + 21) * DAY);
    const closedAt = new Date(launchedAt.getTime() + 14 * DAY);
    const admin = await demoPersonCtx(database, workspaceId, "cio@northwind.example", launchedAt);
    // The latest pulse asks the three items the published figures stand beside, and the ones the quarter's work
    // was about (responsiveness, meetings, follow-through); the others rotate.
    const itemIds = quarter === 3 ? await itemIdsOf(database, workspaceId, LATEST_ITEMS) : undefined;
    const draft = await createPulse(admin, {
      title: `Q${quarter + 1} partnership pulse`,
      k: 5,
      itemsPerPulse: 8,
      ...(itemIds ? { itemIds } : {}),
      closesOn: closedAt.toISOString().slice(0, 10),
    });
    const open = await launchPulse(admin, draft.id, draft.version);
    const answerers = [
      // One or two people skip a pulse; every side still clears k.
      ...MARKETING.filter((_, index) => index !== [1, 6, 3, 7][quarter]),
      ...IT.filter((_, index) => quarter % 2 === 0 || index !== quarter % IT.length),
    ];
    for (const [index, email] of answerers.entries()) {
      const answeredAt = new Date(launchedAt.getTime() + (1 + (index % 10)) * DAY);
      const ctx = await demoPersonCtx(database, workspaceId, email, answeredAt);
      const side = MARKETING.includes(email) ? "marketing" : "it";
      const values = open.items.map((item) => {
        const criteria = item.criterion === "outcome" ? null : START[item.criterion];
        const base = criteria
          ? criteria[side] + criteria.gain * quarter + (ITEM_OFFSET[item.code] ?? 0)
          : // The overall rating goes with how the person sees the rest.
            2.6 + 0.3 * quarter + (side === "it" ? 0.2 : 0);
        const noise = random() < 0.25 ? -1 : random() > 0.75 ? 1 : 0;
        return { itemId: item.id, value: Math.min(5, Math.max(1, Math.round(base + noise * 0.6))) };
      });
      await respond(ctx, open.id, {
        answers: values,
        ...(quarter === 3 && index % 4 === 0
          ? { comment: "The weekly sync and the faster decisions made a real difference this quarter." }
          : {}),
      });
    }
    const closer = await demoPersonCtx(database, workspaceId, "cio@northwind.example", closedAt);
    const current = await database.db
      .select({ version: healthSurveys.version })
      .from(healthSurveys)
      .where(eq(healthSurveys.id, open.id));
    await closePulse(closer, open.id, current[0]?.version ?? open.version);
    ids.push(open.id);
  }
  return ids;
}
