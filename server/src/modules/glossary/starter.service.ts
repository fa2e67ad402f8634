// The starter glossary: Tandem's common marketing and IT terms loaded into a workspace as proposed terms.
import { randomUUID } from "node:crypto";
import type { LoadStarterResult, TermFields } from "#contracts/glossary";
import { formKey } from "#engines/terms";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { bumpGlossaryVersion, listActiveTerms, listTermKeys } from "./glossary.queries";
import { formProblems, type TermForms } from "./glossary.rules";
import { STARTER_TERMS, type StarterTerm } from "./starter-terms";
import { insertNewTerm } from "./terms.service";

const keyOf = (name: string, context: string) => `${formKey(name)}\u0000${formKey(context)}`;

/** A starter term's reference ("Name" or "Name [context]") as a key. */
function refKeyOf(ref: string): string {
  const match = /^(.*?)\s*\[([^\]]*)\]$/.exec(ref);
  return match ? keyOf(match[1], match[2]) : keyOf(ref, "");
}

/** A starter term as the fields of a term (related terms resolved by the caller). */
export function starterFields(term: StarterTerm, relatedTermIds: string[] = []): TermFields {
  return {
    name: term.name,
    acronym: term.acronym ?? null,
    context: term.context ?? "",
    canonicalDefinition: term.definition,
    definitions: {
      ...(term.marketing ? { marketing: term.marketing } : {}),
      ...(term.it ? { it: term.it } : {}),
    },
    examples: term.examples ?? [],
    synonyms: term.synonyms ?? [],
    relatedTermIds,
    kpiIds: [],
    toolIds: [],
    ownerId: null,
  };
}

/**
 * Adds the starter terms the workspace does not have yet (by name and context, retired ones included) as proposed
 * terms, in a transaction already open. A starter term whose forms would clash with a workspace term's synonym in
 * the same context is skipped. Loading twice adds nothing the second time.
 */
export async function addStarterTerms(tx: Tx, ctx: Ctx): Promise<LoadStarterResult> {
  const workspaceId = ctx.actor.workspaceId;
  await bumpGlossaryVersion(tx, workspaceId, ctx.now);
  const have = new Map((await listTermKeys(tx, workspaceId)).map((term) => [keyOf(term.name, term.context), term.id]));
  const others: TermForms[] = (await listActiveTerms(tx, workspaceId)).map((term) => ({ ...term }));
  const planned = STARTER_TERMS.flatMap((term) =>
    have.has(keyOf(term.name, term.context ?? "")) ? [] : [{ term, id: randomUUID() }],
  );
  const ids = new Map([...have, ...planned.map(({ term, id }) => [keyOf(term.name, term.context ?? ""), id] as const)]);
  let added = 0;
  for (const { term, id } of planned) {
    const related = (term.related ?? []).flatMap((ref) => {
      const relatedId = ids.get(refKeyOf(ref));
      return relatedId ? [relatedId] : [];
    });
    const fields = starterFields(term, related);
    if (formProblems({ ...fields, id }, others).length > 0) continue;
    await insertNewTerm(tx, ctx, fields, "proposed", id);
    others.push({ ...fields, id });
    added += 1;
  }
  const result = { added, skipped: STARTER_TERMS.length - added, total: STARTER_TERMS.length };
  await recordAudit(tx, originOf(ctx), {
    action: "glossary.starter_loaded",
    entityType: "glossary",
    entityId: null,
    after: result,
  });
  return result;
}

/** Loads the starter glossary into the workspace (admins); idempotent. */
export async function loadStarterGlossary(ctx: Ctx): Promise<LoadStarterResult> {
  authorize(ctx.actor, "glossary.starter");
  return ctx.database.db.transaction((tx) => addStarterTerms(tx, ctx));
}
