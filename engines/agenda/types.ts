// The agenda builder's input (a snapshot of the workspace as the meeting is prepared) and output (the items in
// order, with their time boxes). No I/O: the Rituals service collects the snapshot through each module's commands.

/** What an agenda item is about. */
export type AgendaKind =
  | "kpi"
  | "request"
  | "review"
  | "renewal"
  | "experiment"
  | "clash"
  | "action_item"
  | "manual"
  | "carried_over";

/** A link to the record an item is about. */
export type AgendaLinkType =
  | "kpi"
  | "request"
  | "purchase_review"
  | "tool"
  | "experiment"
  | "glossary_clash"
  | "action_item"
  | "agenda_item"
  | "meeting"
  | "url";

export interface AgendaLink {
  type: AgendaLinkType;
  id: string;
  label: string;
  href: string;
}

/** A section of the series' agenda and the kinds the builder puts in it. */
export interface SectionSpec {
  title: string;
  kinds: readonly AgendaKind[];
}

export interface KpiFact {
  id: string;
  name: string;
  status: "achieved" | "on_track" | "at_risk" | "off_track" | "no_data";
  /** The reading in words ("61% against a plan of 72%"). */
  reason: string;
  objectiveTitle: string;
  ownerId: string | null;
}

export interface RequestFact {
  id: string;
  reference: string;
  title: string;
  stage: string;
  priority: string | null;
  breached: boolean;
  /** The person who should move it: the sponsor at a decision, else the IT partner, else the requester. */
  ownerId: string | null;
  /** When its running service-level clock falls due, if any. */
  nextDueAt: Date | null;
}

export interface ReviewFact {
  id: string;
  /** The reviewing team's kind (security, legal, finance, it). */
  reviewerKind: string;
  requestId: string;
  requestReference: string;
  requestTitle: string;
  dueAt: Date | null;
  ownerId: string | null;
}

export interface RenewalFact {
  toolId: string;
  name: string;
  renewalDate: string;
  cancelBy: string;
  autoRenew: boolean;
  /** Annual cost in words ("12000.00 EUR"), or null. */
  cost: string | null;
  ownerId: string | null;
}

export interface ExperimentFact {
  id: string;
  name: string;
  status: "draft" | "running" | "stopped" | "decided";
  /** The latest analysis' verdict, if any. */
  verdict: "win" | "loss" | "inconclusive" | null;
  ownerId: string | null;
}

export interface ClashFact {
  key: string;
  form: string;
  /** The terms sharing the form ("Content management system (content)"). */
  terms: string[];
  ownerId: string | null;
}

export interface ActionItemFact {
  id: string;
  title: string;
  ownerId: string;
  /** YYYY-MM-DD. */
  dueDate: string;
  priority: "high" | "medium" | "low";
  /** True when it came out of an earlier occurrence of this meeting's series (it is carried over until done). */
  fromThisSeries: boolean;
}

/** An item already on this meeting's agenda, or on the previous occurrence's. */
export interface ExistingItem {
  id: string;
  kind: AgendaKind;
  originKind: AgendaKind | null;
  source: "built" | "manual" | "carried_over";
  /** The built or carried item's identity; null for a manual item. */
  key: string | null;
  section: string;
  position: number;
  title: string;
  detail: string;
  link: AgendaLink | null;
  ownerId: string | null;
  status: "open" | "discussed";
  /** The minutes a person set, or null when the builder shares the meeting's time. */
  fixedMinutes: number | null;
  carriedFromItemId: string | null;
  /** Notes written or outcomes recorded on it: a built item with either stays even when the data no longer has it. */
  hasNotes: boolean;
}

/** Everything the builder reads. */
export interface AgendaSnapshot {
  now: Date;
  meeting: { id: string; startsAt: Date; durationMinutes: number };
  /** The start of the series' next occurrence after this one, or null if none is planned. */
  nextStartsAt: Date | null;
  sections: readonly SectionSpec[];
  kpis: readonly KpiFact[] | null;
  requests: readonly RequestFact[] | null;
  reviews: readonly ReviewFact[] | null;
  renewals: readonly RenewalFact[] | null;
  experiments: readonly ExperimentFact[] | null;
  clashes: readonly ClashFact[] | null;
  /** The workspace's open action items. */
  actionItems: readonly ActionItemFact[];
  /** The items on this meeting's agenda now (manual ones are kept; built ones keep their notes and time boxes). */
  current: readonly ExistingItem[];
  /** The previous occurrence's items (its unfinished ones are carried over), or null for the first meeting. */
  previous: readonly ExistingItem[] | null;
  /** How many items of each built kind at most (the rest are counted in `more`). */
  perKindLimit?: number;
  /** Sources read only up to a limit (there are more records than listed). */
  truncated?: Partial<Record<AgendaKind, boolean>>;
}

/** One item of the built agenda. */
export interface BuiltItem {
  /** The existing row it updates, or null for a new one. */
  id: string | null;
  key: string | null;
  kind: AgendaKind;
  originKind: AgendaKind | null;
  source: "built" | "manual" | "carried_over";
  section: string;
  position: number;
  title: string;
  detail: string;
  link: AgendaLink | null;
  ownerId: string | null;
  timeBoxMinutes: number;
  fixedMinutes: number | null;
  /** For a carried-over agenda item: the previous occurrence's item. */
  carriedFromItemId: string | null;
  /** For an action item carried over or due: the action item. */
  actionItemId: string | null;
}

export interface BuiltAgenda {
  items: BuiltItem[];
  /** Existing rows of this meeting no longer on the agenda (to delete). */
  removedIds: string[];
  totalMinutes: number;
  /** Built kinds with more records than room: how many were left off (at least, for a truncated source). */
  more: { kind: AgendaKind; count: number; atLeast: boolean }[];
  /** Sources that were not available (their module is missing). */
  missingSources: AgendaKind[];
}
