// Clashes: the same name or acronym used by several active terms, open until resolved for exactly those terms.
import type { ClashListQuery, ResolveClashBody } from "#contracts/glossary";
import type { Ctx } from "../../context";
import type { Db, Tx } from "../../db/client";
import { AppError, assertFound } from "../../errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import {
  type ActiveTerm,
  bumpGlossaryVersion,
  findPeople,
  insertResolution,
  listActiveTerms,
  listResolutions,
  type ResolutionRow,
  setTerm,
} from "./glossary.queries";
import { type ClashGroup, groupClashes, termSetKey } from "./glossary.rules";
import type { ClashView } from "./glossary.views";

/** The clash groups of the workspace, each with the resolution that settles exactly its terms (or none). */
export interface ClashState {
  terms: ActiveTerm[];
  groups: { group: ClashGroup<ActiveTerm>; resolution: ResolutionRow | null }[];
  /** Ids of terms in at least one open clash. */
  openTermIds: Set<string>;
}

/** Reads the active terms and resolutions and works out which clashes are open. */
export async function readClashState(db: Db, workspaceId: string): Promise<ClashState> {
  const [terms, resolutions] = await Promise.all([listActiveTerms(db, workspaceId), listResolutions(db, workspaceId)]);
  const settled = new Map<string, ResolutionRow>();
  for (const resolution of resolutions) {
    const key = `${resolution.key}|${termSetKey(resolution.termIds)}`;
    if (!settled.has(key)) settled.set(key, resolution);
  }
  const openTermIds = new Set<string>();
  const groups = groupClashes(terms).map((group) => {
    const resolution = settled.get(`${group.key}|${termSetKey(group.terms.map((term) => term.id))}`) ?? null;
    if (resolution === null) for (const term of group.terms) openTermIds.add(term.id);
    return { group, resolution };
  });
  return { terms, groups, openTermIds };
}

/**
 * The workspace's clashes (open by default), by form. Resolved ones include those settled by keeping one meaning,
 * whose other terms are retired now (shown with their retired status).
 */
export async function listClashes(ctx: Ctx, query: ClashListQuery): Promise<{ items: ClashView[] }> {
  authorize(ctx.actor, "glossary.read");
  const db = ctx.database.db;
  const state = await readClashState(db, ctx.actor.workspaceId);
  const items: Omit<ClashView, "resolver">[] = [];
  for (const { group, resolution } of state.groups) {
    if (query.status === "open" && resolution !== null) continue;
    if (query.status === "resolved" && resolution === null) continue;
    items.push({ key: group.key, form: group.form, terms: group.terms, resolution });
  }
  if (query.status !== "open") {
    const shown = new Set(state.groups.flatMap(({ resolution }) => (resolution ? [resolution.id] : [])));
    const settled = (await listResolutions(db, ctx.actor.workspaceId)).filter(
      (resolution) => resolution.resolution === "one_meaning" && !shown.has(resolution.id),
    );
    if (settled.length > 0) {
      const everyTerm = new Map(
        (await listActiveTerms(db, ctx.actor.workspaceId, true)).map((term) => [term.id, term]),
      );
      for (const resolution of settled) {
        const terms = resolution.termIds.flatMap((id) => {
          const term = everyTerm.get(id);
          return term ? [term] : [];
        });
        const kept = terms.find((term) => term.id === resolution.keptTermId);
        items.push({ key: resolution.key, form: kept?.acronym ?? kept?.name ?? resolution.key, terms, resolution });
      }
    }
  }
  const resolverIds = [
    ...new Set(items.flatMap(({ resolution }) => (resolution?.resolvedById ? [resolution.resolvedById] : []))),
  ];
  const people = new Map((await findPeople(db, ctx.actor.workspaceId, resolverIds)).map((p) => [p.id, p]));
  items.sort((a, b) => a.key.localeCompare(b.key));
  return {
    items: items.map((item) => ({
      ...item,
      resolver: item.resolution?.resolvedById ? people.get(item.resolution.resolvedById) : undefined,
    })),
  };
}

async function lockGlossary(tx: Tx, ctx: Ctx): Promise<void> {
  // The version row serialises glossary writers of one workspace, so two resolutions never race.
  await bumpGlossaryVersion(tx, ctx.actor.workspaceId, ctx.now);
}

/**
 * Resolves the clash `key` for exactly the terms it has now (409 otherwise): `one_meaning` keeps one term and
 * retires the others; `keep_both` keeps every term, each of which must have its own context.
 */
export async function resolveClash(ctx: Ctx, input: ResolveClashBody): Promise<ClashView> {
  authorize(ctx.actor, "glossary.write");
  await ctx.database.db.transaction(async (tx) => {
    await lockGlossary(tx, ctx);
    const state = await readClashState(tx, ctx.actor.workspaceId);
    const found = state.groups.find(({ group }) => group.key === input.key);
    if (!found) throw new AppError("not_found", "No clash has this key now");
    const { group, resolution } = found;
    if (termSetKey(group.terms.map((term) => term.id)) !== termSetKey(input.termIds)) {
      throw new AppError("conflict", "The clash's terms changed; read it again", [
        { path: "termIds", message: "are not the clash's terms now" },
      ]);
    }
    if (resolution !== null) throw new AppError("invalid_state", "This clash is already resolved");
    const errors: { path: string; message: string }[] = [];
    if (input.resolution === "one_meaning") {
      if (input.keepTermId === null) errors.push({ path: "keepTermId", message: "is required to keep one meaning" });
      else if (!input.termIds.includes(input.keepTermId)) {
        errors.push({ path: "keepTermId", message: "is not one of the clash's terms" });
      }
    } else {
      const contexts = group.terms.map((term) => term.context.trim().toLowerCase());
      if (contexts.some((context) => context === "") || new Set(contexts).size !== contexts.length) {
        errors.push({
          path: "resolution",
          message: "keeps both only when each term has its own context: set the contexts first",
        });
      }
    }
    if (errors.length > 0) throw new AppError("validation_failed", "The clash cannot be resolved so", errors);
    if (input.resolution === "one_meaning") {
      for (const term of group.terms) {
        if (term.id === input.keepTermId) continue;
        await setTerm(tx, term.id, { status: "retired", updatedAt: ctx.now });
      }
    }
    await insertResolution(tx, {
      workspaceId: ctx.actor.workspaceId,
      key: group.key,
      termIds: [...input.termIds].sort(),
      resolution: input.resolution,
      keptTermId: input.resolution === "one_meaning" ? input.keepTermId : null,
      note: input.note,
      resolvedById: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, originOf(ctx), {
      action: "glossary.clash_resolved",
      entityType: "glossary_clash",
      entityId: null,
      after: { key: group.key, termIds: input.termIds, resolution: input.resolution, keepTermId: input.keepTermId },
    });
  });
  const { items } = await listClashes(ctx, { status: "resolved" });
  return assertFound(
    items.find(
      (item) => item.key === input.key && termSetKey(item.terms.map((t) => t.id)) === termSetKey(input.termIds),
    ),
    "Clash",
  );
}
