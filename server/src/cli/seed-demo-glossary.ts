// Northwind's glossary: Tandem's starter terms loaded as proposed, a handful approved by both sides (a marketing
// person and an IT person), and the two clashes people trip over left open: CMS (content vs configuration management
// system) and SQL (sales-qualified lead vs the query language).
import type { Ctx } from "../context";
import type { Database } from "../db/client";
import {
  addStarterTerms,
  approveTerm,
  getTerm,
  listClashes,
  listTerms,
  resolveClash,
} from "../modules/glossary/glossary.commands";
import { editRequest, readRequestList } from "../modules/pipeline/pipeline.commands";
import { demoPersonCtx } from "./demo-person";

/** The terms both sides approve in the demo. */
export const DEMO_APPROVED_TERMS = [
  "Customer acquisition cost",
  "Customer lifetime value",
  "Marketing-qualified lead",
  "Attribution",
  "Application programming interface",
  "Single sign-on",
  "Service level agreement",
  "Recovery point objective",
  "Recovery time objective",
] as const;

/** The clashes the demo leaves open for people to settle. */
export const OPEN_CLASHES: readonly string[] = ["cms", "sql"];

/** Seeds the demo company's glossary through the glossary's commands (audited as the people who acted). */
export async function seedDemoGlossary(database: Database, workspaceId: string, now: Date) {
  const martech = await demoPersonCtx(database, workspaceId, "martech@northwind.example", now);
  const architect = await demoPersonCtx(database, workspaceId, "architect@northwind.example", now);
  const loaded = await database.db.transaction((tx) => addStarterTerms(tx, martech));
  const { items } = await listTerms(martech, { limit: 200 });
  const byName = new Map(items.map((item) => [item.name, item]));
  let approved = 0;
  for (const name of DEMO_APPROVED_TERMS) {
    const term = byName.get(name);
    if (!term) throw new Error(`starter term ${name} missing`);
    const revisionId = (await getTerm(martech, term.id)).shown.id;
    await approveTerm(martech, term.id, { revisionId });
    const done = await approveTerm(architect, term.id, { revisionId });
    if (done.status === "approved") approved += 1;
  }
  // The starter's other shared names (GTM, pipeline) were talked through: both meanings kept, each in its context.
  let resolved = 0;
  for (const clash of (await listClashes(architect, { status: "open" })).items) {
    if (OPEN_CLASHES.includes(clash.key)) continue;
    await resolveClash(architect, {
      key: clash.key,
      termIds: clash.terms.map((term) => term.id),
      resolution: "keep_both",
      keepTermId: null,
      note: "Both meanings are in use; each keeps its context.",
    });
    resolved += 1;
  }
  const meant = await seedDemoMeanings(architect, byName.get("Content management system")?.id);
  return { ...loaded, approved, resolved, meant };
}

const FINAL = ["closed", "declined", "withdrawn"];

/**
 * An open request that names the CMS: the architect writes its requirements' technical view and says which CMS it
 * means (the content platform, not configuration management), as the intake's prompt would have asked. Returns how
 * many requests got a meaning (none when the demo has no such request).
 */
async function seedDemoMeanings(architect: Ctx, contentCmsId: string | undefined): Promise<number> {
  if (!contentCmsId) return 0;
  const { items } = await readRequestList(architect, { q: "CMS", limit: 20 });
  const request = items.find((item) => !FINAL.includes(item.stage) && item.stage !== "draft");
  if (!request) return 0;
  await editRequest(architect, request.id, {
    version: request.version,
    systems: "The CMS and its page templates; the web analytics tag manager reads the UTM fields from them.",
    dataNeeds: "Campaign parameters on every page: source, medium, campaign, content and term, in lower case.",
    securityNotes: "No personal data in UTM fields; editors keep their CMS roles.",
    nonFunctionalNeeds: "Pages publish as fast as before; templates stay accessible (WCAG 2.1 AA).",
    termMeanings: [{ form: "CMS", termId: contentCmsId }],
  });
  return 1;
}
