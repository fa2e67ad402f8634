// Northwind's job-swap programme: one swap held last spring (marketing operations and the IT business partner, both
// reflections written) that led to the weekly sync's intake rules, and one shadowing planned for next month (the
// martech manager follows the architect through the CDP integration design). Made through Rituals' commands, each
// step on its own day, as the people who took it.
import type { Database } from "../db/client";
import { createJobSwap, writeJobSwapReflection } from "../modules/rituals/rituals.commands";
import { demoPersonCtx } from "./demo-person";

const DAY = 86_400_000;
const dateOf = (at: Date) => at.toISOString().slice(0, 10);

/** Seeds the two demo job-swap pairs; returns their ids. */
export async function seedDemoJobSwaps(database: Database, workspaceId: string, now: Date) {
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const person = (email: string, when: Date) => demoPersonCtx(database, workspaceId, email, when);
  const sofia = "marketing.ops@northwind.example";
  const tomas = "it.partner@northwind.example";

  // Held: planned by the CMO six weeks ahead, five working days, both reflections two days after.
  const held = await createJobSwap(await person("cmo@northwind.example", at(-170)), {
    kind: "swap",
    marketingPersonId: (await person(sofia, now)).actor.userId,
    itPersonId: (await person(tomas, now)).actor.userId,
    startDate: dateOf(at(-128)),
    endDate: dateOf(at(-124)),
    goals:
      "Sofia sits with IT for a week: how requests are triaged, sized and released. Tomás sits with marketing " +
      "operations: how a campaign goes from brief to launch, and where it waits on IT.",
  });
  await writeJobSwapReflection(await person(sofia, at(-122)), held.id, {
    text:
      "Most of our 'urgent' change requests arrive without the data owner named, so IT cannot size them. I now " +
      "add the owner and the systems touched before a request reaches the weekly sync.",
  });
  await writeJobSwapReflection(await person(tomas, at(-121)), held.id, {
    text:
      "Campaign dates are fixed weeks before we hear of them. We agreed that marketing ops shares the launch " +
      "calendar with IT every Monday, and that IT answers a request's first question within two working days.",
  });

  // Planned: the CIO pairs the martech manager with the architect for the CDP integration design.
  const planned = await createJobSwap(await person("cio@northwind.example", at(-3)), {
    kind: "shadowing",
    marketingPersonId: (await person("martech@northwind.example", now)).actor.userId,
    itPersonId: (await person("architect@northwind.example", now)).actor.userId,
    startDate: dateOf(at(24)),
    endDate: dateOf(at(26)),
    goals:
      "Daniel follows Mei through the customer data platform's integration design: the data contracts, consent " +
      "flags and the review with security, so marketing's next requests name what IT needs to know.",
  });
  return { held: held.id, planned: planned.id };
}
