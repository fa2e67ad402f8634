import { allocateTimeBoxes } from "./time-boxes";
import type {
  ActionItemFact,
  AgendaKind,
  AgendaLink,
  AgendaLinkType,
  AgendaSnapshot,
  BuiltAgenda,
  BuiltItem,
  ExistingItem,
} from "./types";

const DAY = 86_400_000;

/** The order kinds take inside a section: the backlog first, manual items last. */
export const KIND_ORDER: readonly AgendaKind[] = [
  "carried_over",
  "kpi",
  "request",
  "review",
  "experiment",
  "renewal",
  "clash",
  "action_item",
  "manual",
];

/** Where each built kind's records are listed in full (the `more` links). */
export const MORE_HREFS: Record<AgendaKind, string> = {
  kpi: "/scorecard?status=off_track",
  request: "/pipeline?stage=decision",
  review: "/pipeline/my-work",
  renewal: "/stack/renewals",
  experiment: "/experiments?status=stopped",
  clash: "/glossary/clashes",
  action_item: "/rituals/commitments",
  manual: "/rituals",
  carried_over: "/rituals/commitments",
};

const PRIORITY_RANK: Record<string, number> = { crucial: 0, secondary: 1, nice_to_have: 2 };
const ACTION_RANK: Record<ActionItemFact["priority"], number> = { high: 0, medium: 1, low: 2 };

const dateOf = (at: Date) => at.toISOString().slice(0, 10);
const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** How many items of each built kind a meeting of this length has room for: one per quarter hour, 2 to 10. */
export function perKindLimitFor(durationMinutes: number): number {
  return Math.min(10, Math.max(2, Math.floor(durationMinutes / 15)));
}

type Candidate = Omit<BuiltItem, "id" | "section" | "position" | "timeBoxMinutes" | "fixedMinutes"> & {
  key: string;
};

function link(type: AgendaLinkType, id: string, label: string, href: string): AgendaLink {
  return { type, id, label, href };
}

function built(kind: AgendaKind, key: string, fields: Pick<Candidate, "title" | "detail" | "link" | "ownerId">) {
  return {
    key,
    kind,
    originKind: null,
    source: "built" as const,
    carriedFromItemId: null,
    actionItemId: null,
    ...fields,
  };
}

function dueWords(dueDate: string, today: string) {
  if (dueDate < today) return `Overdue since ${dueDate}`;
  if (dueDate === today) return "Due today";
  return `Due ${dueDate}`;
}

/** The candidates of each built kind, most pressing first (before the per-kind limit). */
function builtCandidates(snapshot: AgendaSnapshot, horizon: string, today: string): Map<AgendaKind, Candidate[]> {
  const out = new Map<AgendaKind, Candidate[]>();
  if (snapshot.kpis) {
    const severity = { off_track: 0, at_risk: 1 } as Record<string, number>;
    out.set(
      "kpi",
      snapshot.kpis
        .filter((kpi) => kpi.status === "off_track" || kpi.status === "at_risk")
        .sort((a, b) => severity[a.status] - severity[b.status] || byText(a.name, b.name) || byText(a.id, b.id))
        .map((kpi) =>
          built("kpi", `kpi:${kpi.id}`, {
            title: kpi.name,
            detail: `${kpi.status === "off_track" ? "Off track" : "At risk"}: ${kpi.reason} (${kpi.objectiveTitle})`,
            link: link("kpi", kpi.id, kpi.name, `/scorecard/kpis/${kpi.id}`),
            ownerId: kpi.ownerId,
          }),
        ),
    );
  }
  if (snapshot.requests) {
    const seen = new Set<string>();
    const requests = snapshot.requests.filter((request) => !seen.has(request.id) && seen.add(request.id));
    out.set(
      "request",
      requests
        .filter((request) => request.breached || request.stage === "decision")
        .sort(
          (a, b) =>
            Number(b.breached) - Number(a.breached) ||
            (PRIORITY_RANK[a.priority ?? ""] ?? 3) - (PRIORITY_RANK[b.priority ?? ""] ?? 3) ||
            (a.nextDueAt?.getTime() ?? Number.POSITIVE_INFINITY) -
              (b.nextDueAt?.getTime() ?? Number.POSITIVE_INFINITY) ||
            byText(a.reference, b.reference),
        )
        .map((request) => {
          const waiting = request.stage === "decision" ? "waiting on a decision" : `in ${request.stage}`;
          return built("request", `request:${request.id}`, {
            title: `${request.reference} ${request.title}`,
            detail: request.breached ? `Service level breached, ${waiting}` : upperFirst(waiting),
            link: link("request", request.id, request.reference, `/pipeline/requests/${request.id}`),
            ownerId: request.ownerId,
          });
        }),
    );
  }
  if (snapshot.reviews) {
    out.set(
      "review",
      [...snapshot.reviews]
        .sort(
          (a, b) =>
            (a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY) - (b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY) ||
            byText(a.requestReference, b.requestReference) ||
            byText(a.id, b.id),
        )
        .map((review) => {
          const due = review.dueAt ? dateOf(review.dueAt) : null;
          return built("review", `review:${review.id}`, {
            title: `${upperFirst(review.reviewerKind)} review: ${review.requestReference} ${review.requestTitle}`,
            detail: due ? dueWords(due, today) : "Waiting on review",
            link: link(
              "purchase_review",
              review.id,
              `${review.requestReference} ${review.reviewerKind} review`,
              `/pipeline/requests/${review.requestId}`,
            ),
            ownerId: review.ownerId,
          });
        }),
    );
  }
  if (snapshot.renewals) {
    out.set(
      "renewal",
      snapshot.renewals
        .filter((renewal) => renewal.cancelBy < horizon)
        .sort((a, b) => byText(a.cancelBy, b.cancelBy) || byText(a.name, b.name))
        .map((renewal) => {
          const passed = renewal.cancelBy < today;
          return built("renewal", `renewal:${renewal.toolId}:${renewal.cancelBy}`, {
            title: `${renewal.name}: cancel by ${renewal.cancelBy}`,
            detail: `${passed ? "The cancel-by date has passed. " : ""}${
              renewal.autoRenew ? "Renews automatically" : "Renews"
            } on ${renewal.renewalDate}${renewal.cost ? ` for ${renewal.cost} a year` : ""}: keep, renegotiate or cancel.`,
            link: link("tool", renewal.toolId, renewal.name, `/stack/tools/${renewal.toolId}`),
            ownerId: renewal.ownerId,
          });
        }),
    );
  }
  if (snapshot.experiments) {
    out.set(
      "experiment",
      snapshot.experiments
        .filter(
          (experiment) =>
            experiment.status === "stopped" ||
            (experiment.status === "running" && (experiment.verdict === "win" || experiment.verdict === "loss")),
        )
        .sort(
          (a, b) =>
            Number(b.status === "stopped") - Number(a.status === "stopped") ||
            byText(a.name, b.name) ||
            byText(a.id, b.id),
        )
        .map((experiment) =>
          built("experiment", `experiment:${experiment.id}`, {
            title: experiment.name,
            detail:
              experiment.status === "stopped"
                ? "Stopped: ship it, roll it back or iterate"
                : `Running: the latest analysis shows a ${experiment.verdict}; ready to decide`,
            link: link("experiment", experiment.id, experiment.name, `/experiments/${experiment.id}`),
            ownerId: experiment.ownerId,
          }),
        ),
    );
  }
  if (snapshot.clashes) {
    out.set(
      "clash",
      [...snapshot.clashes]
        .sort((a, b) => byText(a.form.toLowerCase(), b.form.toLowerCase()) || byText(a.key, b.key))
        .map((clash) =>
          built("clash", `clash:${clash.key}`, {
            title: `“${clash.form}” means ${clash.terms.length} different things`,
            detail: clash.terms.join("; "),
            link: link(
              "glossary_clash",
              clash.key,
              clash.form,
              `/glossary/clashes?key=${encodeURIComponent(clash.key)}`,
            ),
            ownerId: clash.ownerId,
          }),
        ),
    );
  }
  out.set(
    "action_item",
    snapshot.actionItems
      .filter((item) => !item.fromThisSeries && item.dueDate < horizon)
      .sort(byDue)
      .map((item) => ({
        ...built("action_item", `action:${item.id}`, {
          title: item.title,
          detail: dueWords(item.dueDate, today),
          link: link("action_item", item.id, item.title, `/rituals/commitments?item=${item.id}`),
          ownerId: item.ownerId,
        }),
        actionItemId: item.id,
      })),
  );
  return out;
}

function byDue(a: ActionItemFact, b: ActionItemFact) {
  return (
    byText(a.dueDate, b.dueDate) ||
    ACTION_RANK[a.priority] - ACTION_RANK[b.priority] ||
    byText(a.title, b.title) ||
    byText(a.id, b.id)
  );
}

/** The backlog: the previous occurrence's unfinished items, and this series' open action items. */
function carriedCandidates(snapshot: AgendaSnapshot, today: string): Candidate[] {
  const items: Candidate[] = [];
  for (const item of snapshot.previous ?? []) {
    if (item.status !== "open") continue;
    // Built items come back by themselves while the data still has them; action items come from their own list.
    if (item.source === "built") continue;
    if (item.source === "carried_over" && item.originKind === "action_item") continue;
    items.push({
      key: item.source === "carried_over" && item.key ? item.key : `carried:${item.id}`,
      kind: "carried_over",
      originKind: item.source === "carried_over" ? (item.originKind ?? "manual") : item.kind,
      source: "carried_over",
      title: item.title,
      detail:
        item.source === "carried_over" ? item.detail : `Not finished last time${item.detail ? `: ${item.detail}` : ""}`,
      link: item.link,
      ownerId: item.ownerId,
      carriedFromItemId: item.id,
      actionItemId: null,
    });
  }
  for (const action of snapshot.actionItems.filter((item) => item.fromThisSeries).sort(byDue)) {
    items.push({
      key: `carried:action:${action.id}`,
      kind: "carried_over",
      originKind: "action_item",
      source: "carried_over",
      title: action.title,
      detail: `Action item, ${dueWords(action.dueDate, today).toLowerCase()}: carried over until done`,
      link: link("action_item", action.id, action.title, `/rituals/commitments?item=${action.id}`),
      ownerId: action.ownerId,
      carriedFromItemId: null,
      actionItemId: action.id,
    });
  }
  return items;
}

/**
 * Builds a meeting's agenda from a snapshot of the workspace: the backlog carried over from the previous
 * occurrence, then for each built kind its most pressing records (KPIs off track or at risk, requests waiting on a
 * decision or in breach of their service level, purchase reviews waiting, renewals whose cancel-by date falls
 * before the next occurrence, experiments ready to decide, open glossary clashes, action items due before the next
 * occurrence), then the manual items. Items are placed in the series' sections by kind and given time boxes that
 * add up to the meeting's length. Items already on the agenda keep their id, section, notes and set time boxes;
 * built items that are no longer in the data go, unless notes or outcomes were recorded on them.
 */
export function buildAgenda(snapshot: AgendaSnapshot): BuiltAgenda {
  const { meeting } = snapshot;
  const today = dateOf(meeting.startsAt);
  const horizon = dateOf(snapshot.nextStartsAt ?? new Date(meeting.startsAt.getTime() + 7 * DAY));
  const limit = snapshot.perKindLimit ?? perKindLimitFor(meeting.durationMinutes);
  const sections = snapshot.sections.length > 0 ? snapshot.sections : [{ title: "Agenda", kinds: [] }];
  const sectionTitles = new Set(sections.map((section) => section.title));
  const lastSection = sections[sections.length - 1].title;
  const defaultSection = (kind: AgendaKind) =>
    sections.find((section) => section.kinds.includes(kind))?.title ?? lastSection;

  const more: BuiltAgenda["more"] = [];
  const candidates: Candidate[] = carriedCandidates(snapshot, today);
  for (const [kind, list] of builtCandidates(snapshot, horizon, today)) {
    candidates.push(...list.slice(0, limit));
    const atLeast = snapshot.truncated?.[kind] === true;
    if (list.length > limit || atLeast) more.push({ kind, count: Math.max(0, list.length - limit), atLeast });
  }

  const currentByKey = new Map<string, ExistingItem>();
  for (const item of snapshot.current) if (item.key !== null) currentByKey.set(item.key, item);
  const used = new Set<string>();
  const items: Omit<BuiltItem, "position" | "timeBoxMinutes">[] = [];
  const keyOrder = new Map<string, number>();
  for (const candidate of candidates) {
    if (keyOrder.has(candidate.key)) continue;
    keyOrder.set(candidate.key, keyOrder.size);
    const existing = currentByKey.get(candidate.key);
    if (existing) used.add(existing.id);
    items.push({
      ...candidate,
      id: existing?.id ?? null,
      section: existing && sectionTitles.has(existing.section) ? existing.section : defaultSection(candidate.kind),
      fixedMinutes: existing?.fixedMinutes ?? null,
    });
  }
  // Items already on the agenda that the data no longer names: manual ones always stay, others if written on.
  for (const item of snapshot.current) {
    if (used.has(item.id)) continue;
    if (item.source !== "manual" && !item.hasNotes) continue;
    used.add(item.id);
    items.push({
      id: item.id,
      key: item.key,
      kind: item.kind,
      originKind: item.originKind,
      source: item.source,
      section: sectionTitles.has(item.section) ? item.section : defaultSection(item.kind),
      title: item.title,
      detail: item.detail,
      link: item.link,
      ownerId: item.ownerId,
      fixedMinutes: item.fixedMinutes,
      carriedFromItemId: item.carriedFromItemId,
      actionItemId: null,
    });
  }
  const currentPosition = new Map(snapshot.current.map((item) => [item.id, item.position]));
  const sectionIndex = new Map(sections.map((section, index) => [section.title, index]));
  const rank = (item: (typeof items)[number]) =>
    item.source === "manual"
      ? (currentPosition.get(item.id ?? "") ?? 0)
      : (keyOrder.get(item.key ?? "") ?? keyOrder.size + (currentPosition.get(item.id ?? "") ?? 0));
  items.sort(
    (a, b) =>
      (sectionIndex.get(a.section) ?? 0) - (sectionIndex.get(b.section) ?? 0) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      rank(a) - rank(b),
  );
  const minutes = allocateTimeBoxes(meeting.durationMinutes, items);
  const result = items.map((item, position) => ({ ...item, position, timeBoxMinutes: minutes[position] }));
  const missingSources = (
    [
      ["kpi", snapshot.kpis],
      ["request", snapshot.requests],
      ["review", snapshot.reviews],
      ["renewal", snapshot.renewals],
      ["experiment", snapshot.experiments],
      ["clash", snapshot.clashes],
    ] as const
  ).flatMap(([kind, facts]) => (facts === null ? [kind] : []));
  return {
    items: result,
    removedIds: snapshot.current.filter((item) => !used.has(item.id)).map((item) => item.id),
    totalMinutes: minutes.reduce((sum, value) => sum + value, 0),
    more,
    missingSources,
  };
}
