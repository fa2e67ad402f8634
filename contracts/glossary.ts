import { z } from "zod";
import { Id, ListQuery, page, Timestamp, Version } from "./common";
import { TeamKind } from "./people";

// The glossary: terms with a canonical meaning and one per team kind, reviewed by both sides. A term's content
// lives in revisions: the approved one (shown to everyone) and at most one pending one (draft or proposed). A term
// is approved when one person from a marketing team and one from an IT team have approved its pending revision.

/** Limits shared by forms and the server. */
export const GlossaryLimits = {
  nameMax: 120,
  acronymMax: 24,
  contextMax: 60,
  definitionMax: 2000,
  exampleMax: 500,
  examplesMax: 10,
  synonymMax: 120,
  synonymsMax: 20,
  linksMax: 50,
  reasonMax: 1000,
  /** The longest text `POST /glossary/annotate` reads, in UTF-16 code units (JavaScript string length). */
  annotateTextMax: 200_000,
  importMaxBytes: 4 * 1024 * 1024,
  importLinesMax: 10_000,
  importErrorsMax: 200,
} as const;

/** Where a term is in its review: draft → proposed → approved; retired when a clash was resolved against it. */
export const TermStatus = z.enum(["draft", "proposed", "approved", "retired"]);
export type TermStatus = z.infer<typeof TermStatus>;

/** Where a revision is: being written, waiting for both sides, approved, rejected, or replaced by a newer approval. */
export const RevisionStatus = z.enum(["draft", "proposed", "approved", "rejected", "superseded"]);
export type RevisionStatus = z.infer<typeof RevisionStatus>;

const text = (max: number) => z.string().trim().max(max);
const form = (max: number) => z.string().trim().min(1, { error: "is empty" }).max(max);

/**
 * A term's meaning per team kind: only the existing kinds (marketing, it, security, legal, finance, other); any
 * other key is refused with its name as the field (`definitions.sales`).
 */
export const TeamDefinitions = z.strictObject({
  marketing: form(GlossaryLimits.definitionMax).optional(),
  it: form(GlossaryLimits.definitionMax).optional(),
  security: form(GlossaryLimits.definitionMax).optional(),
  legal: form(GlossaryLimits.definitionMax).optional(),
  finance: form(GlossaryLimits.definitionMax).optional(),
  other: form(GlossaryLimits.definitionMax).optional(),
});
export type TeamDefinitions = z.infer<typeof TeamDefinitions>;

/** The editable content of a term (one revision). */
export const TermFields = z.strictObject({
  /** The term as people write it; required. */
  name: form(GlossaryLimits.nameMax),
  /** Its acronym or short form ("CAC"), or null. */
  acronym: form(GlossaryLimits.acronymMax).nullable().default(null),
  /** What the term is about ("sales", "data"): the same name may exist once per context. Empty for none. */
  context: text(GlossaryLimits.contextMax).default(""),
  /** The meaning both sides share. */
  canonicalDefinition: text(GlossaryLimits.definitionMax).default(""),
  /** Each side's own meaning, when it differs or needs its own words. */
  definitions: TeamDefinitions.default({}),
  examples: z.array(form(GlossaryLimits.exampleMax)).max(GlossaryLimits.examplesMax).default([]),
  /** Other words for the same thing; recognised in text like the name. */
  synonyms: z.array(form(GlossaryLimits.synonymMax)).max(GlossaryLimits.synonymsMax).default([]),
  relatedTermIds: z.array(Id).max(GlossaryLimits.linksMax).default([]),
  kpiIds: z.array(Id).max(GlossaryLimits.linksMax).default([]),
  toolIds: z.array(Id).max(GlossaryLimits.linksMax).default([]),
  /** The person who looks after the term (may also approve it). */
  ownerId: Id.nullable().default(null),
});
export type TermFields = z.infer<typeof TermFields>;

/** Creates a term: a draft by default, or proposed straight away. */
export const CreateTermBody = TermFields.extend({ status: z.enum(["draft", "proposed"]).default("draft") });
export type CreateTermBody = z.infer<typeof CreateTermBody>;

/**
 * Edits a term with the version it was read at (409 when stale). Send the whole content (as in CreateTermBody).
 * On an approved term this writes a proposed revision; the approved one stays shown until the revision is approved.
 * On a draft or proposed term it rewrites the pending revision and clears its approvals.
 */
export const UpdateTermBody = TermFields.extend({ version: Version });
export type UpdateTermBody = z.infer<typeof UpdateTermBody>;

/** Sends a draft for review (draft → proposed). */
export const ProposeTermBody = z.strictObject({ version: Version });
export type ProposeTermBody = z.infer<typeof ProposeTermBody>;

/** Approves the pending revision the person read (409 when another revision is pending now). */
export const ApproveTermBody = z.strictObject({ revisionId: Id });
export type ApproveTermBody = z.infer<typeof ApproveTermBody>;

/** Rejects the pending revision with a reason; an approved term keeps its approved revision. */
export const RejectTermBody = z.strictObject({
  revisionId: Id,
  reason: form(GlossaryLimits.reasonMax),
});
export type RejectTermBody = z.infer<typeof RejectTermBody>;

/** A person as the glossary shows them, with the kind of their home team. */
export const GlossaryPerson = z.object({ id: Id, name: z.string(), teamKind: TeamKind });
export type GlossaryPerson = z.infer<typeof GlossaryPerson>;

/** One approval (or rejection) of a revision by a person, with their team's kind at the time. */
export const TermApproval = z.object({
  person: GlossaryPerson,
  teamKind: TeamKind,
  decision: z.enum(["approve", "reject"]),
  reason: z.string().nullable(),
  at: Timestamp,
});
export type TermApproval = z.infer<typeof TermApproval>;

/** One revision's content and review. */
export const TermRevision = z.object({
  id: Id,
  number: z.number().int(),
  status: RevisionStatus,
  name: z.string(),
  acronym: z.string().nullable(),
  context: z.string(),
  canonicalDefinition: z.string(),
  definitions: z.partialRecord(TeamKind, z.string()),
  examples: z.array(z.string()),
  synonyms: z.array(z.string()),
  relatedTerms: z.array(z.object({ id: Id, name: z.string(), context: z.string() })),
  kpis: z.array(z.object({ id: Id, name: z.string() })),
  tools: z.array(z.object({ id: Id, name: z.string() })),
  owner: GlossaryPerson.nullable(),
  approvals: z.array(TermApproval),
  /** Which sides still have to approve (empty once approved): a subset of ["marketing", "it"]. */
  awaiting: z.array(z.enum(["marketing", "it"])),
  createdBy: GlossaryPerson.nullable(),
  createdAt: Timestamp,
});
export type TermRevision = z.infer<typeof TermRevision>;

/**
 * A term as the API shows it: `shown` is the approved revision when there is one, else the pending one; `pending`
 * is the revision under review (null when none). The top-level name/acronym/context repeat `shown`'s.
 */
export const Term = z.object({
  id: Id,
  status: TermStatus,
  name: z.string(),
  acronym: z.string().nullable(),
  context: z.string(),
  shown: TermRevision,
  pending: TermRevision.nullable(),
  /** Whether the term's name or acronym is also another active term's (an open clash). */
  clashing: z.boolean(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Term = z.infer<typeof Term>;

/** A term in a list: the shown revision's essentials and the search rank when `q` was given. */
export const TermListItem = z.object({
  id: Id,
  status: TermStatus,
  name: z.string(),
  acronym: z.string().nullable(),
  context: z.string(),
  canonicalDefinition: z.string(),
  definitions: z.partialRecord(TeamKind, z.string()),
  synonyms: z.array(z.string()),
  owner: GlossaryPerson.nullable(),
  /** An edit of an approved term awaits review (the approved revision is still the one shown). */
  hasPendingRevision: z.boolean(),
  clashing: z.boolean(),
  /** Full-text rank when searching (higher is better; a match in the name or acronym adds 1), else null. */
  rank: z.number().nullable(),
  version: z.number().int(),
  updatedAt: Timestamp,
});
export type TermListItem = z.infer<typeof TermListItem>;

/**
 * Lists terms: `q` searches names, acronyms, synonyms and definitions (PostgreSQL full-text search, best rank
 * first; without `q`, by name). Filters: status, clashing, and `teamKind` (terms with a definition for that kind).
 */
export const TermListQuery = ListQuery.extend({
  status: TermStatus.optional(),
  clashing: z.enum(["true", "false"]).optional(),
  teamKind: TeamKind.optional(),
});
export type TermListQuery = z.infer<typeof TermListQuery>;
/** A page of terms. */
export const TermList = page(TermListItem);
export type TermList = z.infer<typeof TermList>;

// ---------- clashes ----------

/** How a clash was settled: one meaning kept (the other terms retired) or both kept, each in its own context. */
export const ClashResolution = z.enum(["one_meaning", "keep_both"]);
export type ClashResolution = z.infer<typeof ClashResolution>;

/**
 * The same name or acronym (compared by the recognition engine's normalisation: trimmed, whitespace collapsed,
 * lower-cased) used by several active terms. `key` identifies it; it stays open until resolved for exactly this
 * set of terms (a new term with the form opens it again).
 */
export const Clash = z.object({
  key: z.string(),
  /** The form as the first term writes it ("CMS"). */
  form: z.string(),
  terms: z.array(
    z.object({
      id: Id,
      name: z.string(),
      acronym: z.string().nullable(),
      context: z.string(),
      status: TermStatus,
      canonicalDefinition: z.string(),
      definitions: z.partialRecord(TeamKind, z.string()),
    }),
  ),
  status: z.enum(["open", "resolved"]),
  resolution: ClashResolution.nullable(),
  keptTermId: Id.nullable(),
  resolvedBy: GlossaryPerson.nullable(),
  resolvedAt: Timestamp.nullable(),
  note: z.string().nullable(),
});
export type Clash = z.infer<typeof Clash>;
/** Which clashes to list: open ones (default), resolved ones, or all. */
export const ClashListQuery = z.object({ status: z.enum(["open", "resolved", "all"]).default("open") });
export type ClashListQuery = z.infer<typeof ClashListQuery>;
/** The workspace's clashes, by form. */
export const ClashList = z.object({ items: z.array(Clash) });
export type ClashList = z.infer<typeof ClashList>;

/**
 * Resolves the clash `key` for the term ids listed (they must be exactly the clash's terms now, else 409).
 * `one_meaning` keeps `keepTermId` and retires the others; `keep_both` needs each term to have its own context.
 */
export const ResolveClashBody = z.strictObject({
  key: z
    .string()
    .min(1)
    .max(GlossaryLimits.nameMax * 2),
  termIds: z.array(Id).min(2).max(GlossaryLimits.linksMax),
  resolution: ClashResolution,
  keepTermId: Id.nullable().default(null),
  note: text(GlossaryLimits.reasonMax).default(""),
});
export type ResolveClashBody = z.infer<typeof ResolveClashBody>;

// ---------- annotate ----------

/** Text to annotate: plain text (never HTML); at most annotateTextMax UTF-16 code units. */
export const AnnotateBody = z.strictObject({
  text: z.string().max(GlossaryLimits.annotateTextMax, {
    error: `must be at most ${GlossaryLimits.annotateTextMax} characters`,
  }),
});
export type AnnotateBody = z.infer<typeof AnnotateBody>;

/** What the hover card of a recognised term shows. */
export const TermCard = z.object({
  id: Id,
  name: z.string(),
  acronym: z.string().nullable(),
  context: z.string(),
  status: TermStatus,
  canonicalDefinition: z.string(),
  definitions: z.partialRecord(TeamKind, z.string()),
  clashing: z.boolean(),
});
export type TermCard = z.infer<typeof TermCard>;

/**
 * One recognised occurrence (the engine's rules): `start`/`end` are UTF-16 indices, `end` exclusive; `form` is the
 * term's form that matched as the term writes it. `alternativeTermIds` are the other active terms with the same
 * form (a clash: the web asks which meaning is intended).
 */
export const AnnotatedSpan = z.object({
  start: z.number().int(),
  end: z.number().int(),
  termId: Id,
  form: z.string(),
  clashing: z.boolean(),
  alternativeTermIds: z.array(Id),
});
export type AnnotatedSpan = z.infer<typeof AnnotatedSpan>;

/** Spans in text order and a card for every term they (or their alternatives) name. */
export const AnnotateResult = z.object({
  spans: z.array(AnnotatedSpan),
  terms: z.array(TermCard),
  /** The glossary version the matcher was built at (changes on every term change). */
  glossaryVersion: z.number().int(),
});
export type AnnotateResult = z.infer<typeof AnnotateResult>;

// ---------- import, export, starter ----------

/**
 * The CSV columns, in export order. Lists (examples, synonyms, related, kpis, tools) are separated by " | ";
 * related terms are written `Name [context]` (or `Name` without a context); kpis and tools by name; owner by email.
 */
export const GLOSSARY_CSV_COLUMNS = [
  "name",
  "acronym",
  "context",
  "status",
  "canonical_definition",
  "definition_marketing",
  "definition_it",
  "definition_security",
  "definition_legal",
  "definition_finance",
  "definition_other",
  "examples",
  "synonyms",
  "related",
  "kpis",
  "tools",
  "owner",
] as const;

/**
 * A CSV of terms (GLOSSARY_CSV_COLUMNS; `status` is ignored: imported terms start proposed, never approved).
 * A line naming an existing term (same name and context) writes a proposed revision of it. All lines or none.
 */
export const ImportTermsBody = z.strictObject({
  csv: z.string().min(1, { error: "is empty" }).max(GlossaryLimits.importMaxBytes),
  dryRun: z.boolean().default(true),
});
export type ImportTermsBody = z.infer<typeof ImportTermsBody>;

/** What an import did (or would do); `errors` name the line (1 = the header) and the column. */
export const ImportTermsResult = z.object({
  dryRun: z.boolean(),
  imported: z.boolean(),
  lines: z.number().int(),
  created: z.number().int(),
  revised: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
});
export type ImportTermsResult = z.infer<typeof ImportTermsResult>;

/** What loading the starter glossary did: terms added as proposed, and those already there (by name and context). */
export const LoadStarterResult = z.object({
  added: z.number().int(),
  skipped: z.number().int(),
  total: z.number().int(),
});
export type LoadStarterResult = z.infer<typeof LoadStarterResult>;

/** The glossary's routes, for the web's client (all under /api/v1). */
export const GLOSSARY_ROUTES = {
  listTerms: "GET /glossary/terms",
  createTerm: "POST /glossary/terms",
  getTerm: "GET /glossary/terms/:id",
  updateTerm: "PATCH /glossary/terms/:id",
  proposeTerm: "POST /glossary/terms/:id/propose",
  approveTerm: "POST /glossary/terms/:id/approve",
  rejectTerm: "POST /glossary/terms/:id/reject",
  listClashes: "GET /glossary/clashes",
  resolveClash: "POST /glossary/clashes/resolve",
  annotate: "POST /glossary/annotate",
  importTerms: "POST /glossary/import",
  exportTerms: "GET /glossary/terms.csv",
  loadStarter: "POST /glossary/starter",
} as const;
