import type { SearchHit } from "#contracts/search";

interface SearchPage {
  title: string;
  path: string;
  detail: string;
  keywords: readonly string[];
  isAdminOnly?: boolean;
}

/** The pages of the app a search can lead to, with the words people use for them. */
export const SEARCH_PAGES: readonly SearchPage[] = [
  { title: "Home", path: "/", detail: "The partnership at a glance", keywords: ["start", "dashboard", "overview"] },
  {
    title: "Scorecard",
    path: "/scorecard",
    detail: "Shared objectives and KPIs",
    keywords: ["objectives", "kpi", "okr"],
  },
  { title: "Business review", path: "/scorecard/review", detail: "Scorecard", keywords: ["qbr", "quarterly"] },
  { title: "Customer segments", path: "/scorecard/segments", detail: "Scorecard", keywords: ["voc", "voice"] },
  { title: "Backlog", path: "/pipeline", detail: "Pipeline", keywords: ["requests", "pipeline", "ranked"] },
  { title: "Board", path: "/pipeline/board", detail: "Pipeline", keywords: ["kanban", "stages", "requests"] },
  { title: "My work", path: "/pipeline/my-work", detail: "Pipeline", keywords: ["mine", "assigned", "waiting"] },
  { title: "New request", path: "/pipeline/new", detail: "Pipeline", keywords: ["intake", "ask", "create"] },
  { title: "Value delivered", path: "/pipeline/value", detail: "Pipeline", keywords: ["benefit", "realised"] },
  { title: "Service levels", path: "/service-levels", detail: "Pipeline", keywords: ["sla", "targets", "breach"] },
  { title: "Catalog", path: "/stack", detail: "Stack", keywords: ["tools", "stack", "martech"] },
  { title: "Integrations", path: "/stack/graph", detail: "Stack", keywords: ["graph", "data", "flows"] },
  { title: "Renewals", path: "/stack/renewals", detail: "Stack", keywords: ["contracts", "cancel", "notice"] },
  { title: "Compliance", path: "/stack/compliance", detail: "Stack", keywords: ["dpa", "gdpr", "security"] },
  { title: "Overlaps", path: "/stack/overlaps", detail: "Stack", keywords: ["duplicates", "redundant"] },
  { title: "Spend & fit", path: "/stack/portfolio", detail: "Stack", keywords: ["time", "portfolio", "cost"] },
  { title: "Shadow IT", path: "/stack/discovery", detail: "Stack", keywords: ["discovery", "expenses", "card"] },
  { title: "Taxonomy", path: "/stack/taxonomy", detail: "Stack", keywords: ["categories", "subcategories"] },
  { title: "Spend ledger", path: "/value", detail: "Value", keywords: ["budget", "spend", "value"] },
  { title: "Outcomes & journeys", path: "/value/data", detail: "Value", keywords: ["conversions", "touchpoints"] },
  { title: "Attribution runs", path: "/value/runs", detail: "Value", keywords: ["which", "half", "roi"] },
  { title: "Experiments", path: "/experiments", detail: "Experiments", keywords: ["ab", "tests", "hypotheses"] },
  { title: "Learning library", path: "/experiments/learnings", detail: "Experiments", keywords: ["learnings"] },
  { title: "Glossary", path: "/glossary", detail: "Glossary", keywords: ["terms", "definitions", "language"] },
  { title: "People", path: "/people", detail: "Workspace", keywords: ["users", "invite", "members"] },
  { title: "Teams", path: "/teams", detail: "Workspace", keywords: ["groups"] },
  { title: "Sessions", path: "/sessions", detail: "Workspace", keywords: ["devices", "signed"] },
  { title: "API tokens", path: "/tokens", detail: "Workspace", keywords: ["bearer", "keys"] },
  { title: "Audit log", path: "/audit", detail: "Workspace", keywords: ["history", "changes"], isAdminOnly: true },
  { title: "Your account", path: "/account", detail: "Workspace", keywords: ["password", "profile"] },
];

/** The pages every word of the query starts a word of (title words rank above keywords). */
export function searchPages(words: readonly string[], isAdmin: boolean): Array<SearchHit & { rank: number }> {
  if (words.length === 0) return [];
  const hits: Array<SearchHit & { rank: number }> = [];
  for (const page of SEARCH_PAGES) {
    if (page.isAdminOnly && !isAdmin) continue;
    const titleWords = wordsOf(page.title);
    const otherWords = [...wordsOf(page.detail), ...page.keywords.flatMap(wordsOf)];
    let rank = 0;
    for (const word of words) {
      if (titleWords.some((candidate) => candidate.startsWith(word))) rank += 0.5;
      else if (otherWords.some((candidate) => candidate.startsWith(word))) rank += 0.1;
      else {
        rank = 0;
        break;
      }
    }
    if (rank > 0) {
      hits.push({
        kind: "page",
        id: page.path,
        title: page.title,
        detail: page.detail,
        url: page.path,
        rank: rank / words.length,
      });
    }
  }
  return hits;
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}
