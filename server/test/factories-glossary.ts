import type { TermFields } from "#contracts/glossary";
import { bumpGlossaryVersion, insertRevision, insertTerm, setTerm } from "../src/modules/glossary/glossary.queries";
import { searchTextOf } from "../src/modules/glossary/glossary.rules";
import type { TestApp } from "./app";

/** A glossary term of the workspace with one revision (proposed unless told), written directly. */
export async function buildTerm(
  t: TestApp,
  workspaceId: string,
  fields: Partial<TermFields> & { name: string },
  status: "draft" | "proposed" = "proposed",
) {
  const content = {
    acronym: null,
    context: "",
    canonicalDefinition: "",
    definitions: {},
    examples: [],
    synonyms: [],
    relatedTermIds: [],
    kpiIds: [],
    toolIds: [],
    ownerId: null,
    ...fields,
  };
  const db = t.database.db;
  return db.transaction(async (tx) => {
    await bumpGlossaryVersion(tx, workspaceId, new Date());
    const id = await insertTerm(tx, {
      workspaceId,
      status,
      name: content.name,
      acronym: content.acronym,
      context: content.context,
      searchText: searchTextOf(content),
    });
    const revision = await insertRevision(tx, { workspaceId, termId: id, number: 1, status, ...content });
    await setTerm(tx, id, { pendingRevisionId: revision.id });
    return { id, revisionId: revision.id, version: 1 };
  });
}
