import type { SearchHit, SearchQuery, SearchResponse } from "#contracts/search";
import { SearchLimits } from "#contracts/search";
import type { Ctx } from "../../context";
import { searchWords } from "../../db/full-text";
import { type Action, authorize, can } from "../../policy";
import { searchTermsForSearch } from "../glossary/glossary.commands";
import { searchPages } from "./search.pages";
import {
  findRequestByNumber,
  type SearchTerms,
  searchExperiments,
  searchKpis,
  searchObjectives,
  searchPeople,
  searchRequests,
  searchSpendLines,
  searchTools,
  searchVendors,
} from "./search.queries";

type RankedHit = SearchHit & { rank: number };

/** One kind of record the search looks through: who may read it and how to find it. */
interface SearchSource {
  action: Action;
  find: (ctx: Ctx, terms: SearchTerms) => Promise<RankedHit[]>;
}

// A line about a hit stays one line: at most 160 characters (whole code points), an ellipsis when cut.
function shorten(text: string, max = 160): string {
  const points = [...text];
  return points.length <= max ? text : `${points.slice(0, max - 1).join("")}…`;
}

const REQUEST_NUMBER = /^(?:req)?[\s#-]*(\d{1,9})$/i;

const sources: readonly SearchSource[] = [
  {
    action: "request.read",
    find: async (ctx, terms) =>
      (await searchRequests(ctx.database.db, terms)).map((row) => ({
        kind: "request",
        id: row.id,
        title: `REQ-${row.number} · ${row.title}`,
        detail: `Request · ${row.stage.replaceAll("_", " ")}`,
        url: `/pipeline/requests/${row.id}`,
        rank: Number(row.rank),
      })),
  },
  {
    action: "tool.read",
    find: async (ctx, terms) =>
      (await searchTools(ctx.database.db, terms)).map((row) => ({
        kind: "tool",
        id: row.id,
        title: row.name,
        detail: ["Tool", row.vendor, row.status.replaceAll("_", " "), row.archivedAt ? "archived" : ""]
          .filter(Boolean)
          .join(" · "),
        url: `/stack/tools/${row.id}`,
        rank: Number(row.rank),
      })),
  },
  {
    action: "tool.read",
    find: async (ctx, terms) =>
      (await searchVendors(ctx.database.db, terms)).map((row) => ({
        kind: "vendor",
        id: row.vendor,
        title: row.vendor,
        detail: `Vendor · ${row.toolCount} ${row.toolCount === 1 ? "tool" : "tools"}`,
        url: `/stack?q=${encodeURIComponent(row.vendor)}`,
        // A vendor is a grouping of tools: a little below the tools themselves.
        rank: Number(row.rank) * 0.9,
      })),
  },
  {
    action: "experiment.read",
    find: async (ctx, terms) =>
      (await searchExperiments(ctx.database.db, terms)).map((row) => ({
        kind: "experiment",
        id: row.id,
        title: row.name,
        detail: `Experiment · ${row.status}`,
        url: `/experiments/${row.id}`,
        rank: Number(row.rank),
      })),
  },
  {
    action: "user.list",
    find: async (ctx, terms) =>
      (await searchPeople(ctx.database.db, terms)).map((row) => ({
        kind: "person",
        id: row.id,
        title: row.name,
        detail: `Person · ${row.email}${row.status === "deactivated" ? " · deactivated" : ""}`,
        url: `/people?q=${encodeURIComponent(row.name)}`,
        rank: Number(row.rank),
      })),
  },
  {
    action: "spend.read",
    find: async (ctx, terms) =>
      (await searchSpendLines(ctx.database.db, terms)).map((row) => ({
        kind: "spend",
        id: row.id,
        title: row.campaign ? `${row.channel} · ${row.campaign}` : row.channel,
        detail: `Spend · ${row.spentOn} · ${row.amount} ${row.currency} ${row.kind}`,
        url: "/value",
        // Spend lines are many and alike: below the records people name.
        rank: Number(row.rank) * 0.8,
      })),
  },
  {
    action: "kpi.read",
    find: async (ctx, terms) =>
      (await searchKpis(ctx.database.db, terms)).map((row) => ({
        kind: "kpi",
        id: row.id,
        title: row.name,
        detail: `KPI · ${row.objectiveTitle}`,
        url: `/scorecard/kpis/${row.id}`,
        rank: Number(row.rank),
      })),
  },
  {
    // Glossary terms, through the glossary's commands: a term page answers "what do we mean by CMS?".
    action: "glossary.read",
    find: async (ctx, terms) =>
      (await searchTermsForSearch(ctx, terms)).map((row) => ({
        kind: "term",
        id: row.id,
        title: row.acronym && row.acronym !== row.name ? `${row.name} (${row.acronym})` : row.name,
        detail: shorten(
          ["Glossary term", row.context, row.status === "approved" ? "" : row.status, row.canonicalDefinition]
            .filter(Boolean)
            .join(" · "),
        ),
        url: `/glossary/terms/${row.id}`,
        rank: row.rank,
      })),
  },
  {
    action: "objective.read",
    find: async (ctx, terms) =>
      (await searchObjectives(ctx.database.db, terms)).map((row) => ({
        kind: "objective",
        id: row.id,
        title: row.title,
        detail: `Objective · ${row.periodStart} – ${row.periodEnd}`,
        url: "/scorecard",
        rank: Number(row.rank),
      })),
  },
];

/** Records of the actor's workspace the actor may read, and pages, matching the words (or a request number), best first. */
export async function search(ctx: Ctx, query: SearchQuery): Promise<SearchResponse> {
  authorize(ctx.actor, "search.read");
  const number = REQUEST_NUMBER.exec(query.q.trim());
  // "REQ-87" is a number: its "req" would match every word starting so, and only the number is meant.
  const words = searchWords(query.q, SearchLimits.wordsMax).filter((word) => !(number && word === "req"));
  const terms: SearchTerms = {
    workspaceId: ctx.actor.workspaceId,
    words,
    phrase: query.q.trim().toLowerCase(),
    limit: query.limit,
  };
  const hits: RankedHit[] = [];
  if (number && can(ctx.actor, "request.read")) {
    const row = await findRequestByNumber(ctx.database.db, ctx.actor.workspaceId, Number(number[1]));
    if (row) {
      hits.push({
        kind: "request",
        id: row.id,
        title: `REQ-${row.number} · ${row.title}`,
        detail: `Request · ${row.stage.replaceAll("_", " ")}`,
        url: `/pipeline/requests/${row.id}`,
        rank: 10,
      });
    }
  }
  if (words.length > 0) {
    const readable = sources.filter((source) => can(ctx.actor, source.action));
    const found = await Promise.all(readable.map((source) => source.find(ctx, terms)));
    hits.push(...found.flat(), ...searchPages(words, ctx.actor.role === "admin"));
  }
  const seen = new Set<string>();
  const items: SearchHit[] = [];
  // A stable sort keeps each source's own order among equal ranks.
  for (const hit of hits.sort((a, b) => b.rank - a.rank)) {
    const key = `${hit.kind}:${hit.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    items.push({ kind: hit.kind, id: hit.id, title: hit.title, detail: hit.detail, url: hit.url });
    if (items.length === query.limit) break;
  }
  return { items };
}
