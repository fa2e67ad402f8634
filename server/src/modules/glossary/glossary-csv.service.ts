// The glossary as CSV: export every term's shown revision; import lines as proposed terms (dry run, all or none).
import { randomUUID } from "node:crypto";
import {
  GLOSSARY_CSV_COLUMNS,
  GlossaryLimits,
  type ImportTermsBody,
  type ImportTermsResult,
  TermFields,
} from "#contracts/glossary";
import { TeamKind } from "#contracts/people";
import { formKey } from "#engines/terms";
import type { Ctx } from "../../context";
import type { Db, Tx } from "../../db/client";
import { canonicalJson } from "../../lib/canonical-json";
import { CsvLimitError, CsvSyntaxError, checkCsvShape, parseCsv, toCsv } from "../../lib/csv";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import {
  bumpGlossaryVersion,
  findByNames,
  findEmails,
  findLinkNames,
  findPeopleByEmail,
  findRevisions,
  listActiveTerms,
  setTerm,
} from "./glossary.queries";
import { formProblems } from "./glossary.rules";
import { reviseTerm } from "./revisions.service";
import { getTermRow, insertNewTerm, revisionContent } from "./terms.service";

const LIST_SEPARATOR = " | ";
const DEFINITION_PREFIX = "definition_";

function splitList(value: string): string[] {
  return value
    .split("|")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

// An export prefixes a field starting with =, +, - or @ with ' so spreadsheets do not run it: undo that on import.
function unguard(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/** "Name [context]" → name and context; "Name" → no context. */
function parseTermRef(ref: string): { name: string; context: string } {
  const match = /^(.*?)\s*\[([^\]]*)\]$/.exec(ref);
  return match ? { name: match[1].trim(), context: match[2].trim() } : { name: ref.trim(), context: "" };
}

function termRef(name: string, context: string): string {
  return context === "" ? name : `${name} [${context}]`;
}

const refKey = (name: string, context: string) => `${formKey(name)}\u0000${formKey(context)}`;

/** Every term that is not retired as CSV (its shown revision), in GLOSSARY_CSV_COLUMNS; lists joined with " | ". */
export async function exportTermsCsv(ctx: Ctx): Promise<string> {
  authorize(ctx.actor, "glossary.read");
  const db = ctx.database.db;
  const workspaceId = ctx.actor.workspaceId;
  const terms = await listActiveTerms(db, workspaceId);
  const revisions = await findRevisions(
    db,
    terms.map((term) => term.revisionId),
  );
  const names = await findLinkNames(db, workspaceId, {
    kpis: [...new Set(revisions.flatMap((r) => r.kpiIds))],
    tools: [...new Set(revisions.flatMap((r) => r.toolIds))],
  });
  const emails = new Map(
    (
      await findEmails(
        db,
        workspaceId,
        revisions.flatMap((r) => (r.ownerId ? [r.ownerId] : [])),
      )
    ).map((u) => [u.id, u.email]),
  );
  const kpiNames = new Map(names.kpis.map((k) => [k.id, k.name]));
  const toolNames = new Map(names.tools.map((t) => [t.id, t.name]));
  const byId = new Map(terms.map((term) => [term.id, term]));
  const revisionById = new Map(revisions.map((r) => [r.id, r]));
  const rows = terms.map((term) => {
    const revision = revisionById.get(term.revisionId);
    if (!revision) throw new Error(`glossary revision ${term.revisionId} missing`);
    const pick = (ids: string[], from: Map<string, string>) =>
      ids.flatMap((id) => (from.has(id) ? [from.get(id) as string] : [])).join(LIST_SEPARATOR);
    const related = revision.relatedTermIds.flatMap((id) => {
      const other = byId.get(id);
      return other ? [termRef(other.name, other.context)] : [];
    });
    return [
      revision.name,
      revision.acronym ?? "",
      revision.context,
      term.status,
      revision.canonicalDefinition,
      ...TeamKind.options.map((kind) => revision.definitions[kind] ?? ""),
      revision.examples.join(LIST_SEPARATOR),
      revision.synonyms.join(LIST_SEPARATOR),
      related.join(LIST_SEPARATOR),
      pick(revision.kpiIds, kpiNames),
      pick(revision.toolIds, toolNames),
      revision.ownerId ? (emails.get(revision.ownerId) ?? "") : "",
    ];
  });
  return toCsv(GLOSSARY_CSV_COLUMNS, rows);
}

type LineError = ImportTermsResult["errors"][number];

/** One line read from the file, before references are resolved. */
interface Line {
  line: number;
  id: string;
  existingId: string | null;
  raw: Record<string, string>;
}

/** Checks every line, then (unless a dry run, and only when no line is bad) writes them all in one transaction. */
export async function importTerms(ctx: Ctx, input: ImportTermsBody): Promise<ImportTermsResult> {
  authorize(ctx.actor, "glossary.write");
  const result: ImportTermsResult = {
    dryRun: input.dryRun,
    imported: false,
    lines: 0,
    created: 0,
    revised: 0,
    unchanged: 0,
    errors: [],
  };
  let records: ReturnType<typeof parseCsv>;
  try {
    checkCsvShape(input.csv);
    records = parseCsv(input.csv);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError) && !(error instanceof CsvLimitError)) throw error;
    return { ...result, errors: [{ line: error.line, field: "", message: error.message }] };
  }
  const [header, ...body] = records;
  const columns = (header?.fields ?? []).map((name) => name.trim().toLowerCase());
  const known = new Set<string>(GLOSSARY_CSV_COLUMNS);
  const headerErrors: LineError[] = columns.flatMap((column) => {
    if (known.has(column)) return [];
    const message = column.startsWith(DEFINITION_PREFIX)
      ? `is not a team kind's column (the kinds are ${TeamKind.options.join(", ")})`
      : "is not a column of the glossary";
    return [{ line: 1, field: column, message }];
  });
  if (!columns.includes("name")) headerErrors.push({ line: 1, field: "name", message: "column is missing" });
  if (headerErrors.length > 0) return { ...result, errors: headerErrors };
  const rows = body.filter((record) => record.fields.some((field) => field.trim() !== ""));
  result.lines = rows.length;
  if (rows.length > GlossaryLimits.importLinesMax) {
    return {
      ...result,
      errors: [{ line: 1, field: "", message: `has more than ${GlossaryLimits.importLinesMax} lines` }],
    };
  }
  if (input.dryRun) return checkAndWrite(ctx.database.db, ctx, columns, rows, false, result);
  return ctx.database.db.transaction(async (tx) => {
    // The version row also serialises glossary writers, so the check and the writes see the same terms.
    await bumpGlossaryVersion(tx, ctx.actor.workspaceId, ctx.now);
    return checkAndWrite(tx, ctx, columns, rows, true, result);
  });
}

function issuePath(path: PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  const column: Record<string, string> = {
    canonicalDefinition: "canonical_definition",
    relatedTermIds: "related",
    kpiIds: "kpis",
    toolIds: "tools",
    ownerId: "owner",
  };
  if (head === "definitions" && rest[0]) return `${DEFINITION_PREFIX}${rest[0]}`;
  return column[head] ?? head ?? "";
}

async function checkAndWrite(
  tx: Tx | Db,
  ctx: Ctx,
  columns: string[],
  records: { line: number; fields: string[] }[],
  write: boolean,
  result: ImportTermsResult,
): Promise<ImportTermsResult> {
  const workspaceId = ctx.actor.workspaceId;
  const errors: LineError[] = [];
  const fail = (line: number, field: string, message: string) => {
    if (errors.length < GlossaryLimits.importErrorsMax) errors.push({ line, field, message });
  };
  const existing = await listActiveTerms(tx, workspaceId);
  const existingByKey = new Map(existing.map((term) => [refKey(term.name, term.context), term]));
  const lines: Line[] = [];
  const lineByKey = new Map<string, Line>();
  for (const record of records) {
    const raw: Record<string, string> = {};
    columns.forEach((column, index) => {
      raw[column] = unguard((record.fields[index] ?? "").trim());
    });
    const key = refKey(raw.name ?? "", raw.context ?? "");
    const earlier = lineByKey.get(key);
    if (earlier) {
      fail(record.line, "name", `repeats line ${earlier.line} (the same name in the same context)`);
      continue;
    }
    const line = { line: record.line, id: randomUUID(), existingId: existingByKey.get(key)?.id ?? null, raw };
    lines.push(line);
    lineByKey.set(key, line);
  }
  const emails = [...new Set(lines.map((l) => (l.raw.owner ?? "").toLowerCase()).filter((e) => e !== ""))];
  const people = new Map((await findPeopleByEmail(tx, workspaceId, emails)).map((p) => [p.email.toLowerCase(), p.id]));
  const nameMap = async (kind: "kpi" | "tool", column: string) =>
    new Map(
      (
        await findByNames(tx, workspaceId, kind, [...new Set(lines.flatMap((l) => splitList(l.raw[column] ?? "")))])
      ).map((row) => [row.name.toLowerCase(), row.id]),
    );
  const kpiIds = await nameMap("kpi", "kpis");
  const toolIds = await nameMap("tool", "tools");
  const planned: { line: Line; fields: TermFields }[] = [];
  for (const line of lines) {
    const { raw } = line;
    const missing = (column: string, list: string[], ids: Map<string, string>, noun: string) =>
      list.flatMap((name) => {
        const id = ids.get(name.toLowerCase());
        if (id === undefined) fail(line.line, column, `"${name}" is not ${noun} of this workspace`);
        return id === undefined ? [] : [id];
      });
    const related = splitList(raw.related ?? "").flatMap((ref) => {
      const { name, context } = parseTermRef(ref);
      const key = refKey(name, context);
      const id = lineByKey.get(key)?.existingId ?? lineByKey.get(key)?.id ?? existingByKey.get(key)?.id;
      if (id === undefined) fail(line.line, "related", `"${ref}" is neither a term nor a line of this file`);
      return id === undefined ? [] : [id];
    });
    let ownerId: string | null = null;
    if ((raw.owner ?? "") !== "") {
      ownerId = people.get(raw.owner.toLowerCase()) ?? null;
      if (ownerId === null) fail(line.line, "owner", `"${raw.owner}" is not the email of a person of this workspace`);
    }
    const definitions: Record<string, string> = {};
    for (const kind of TeamKind.options) {
      const value = raw[`${DEFINITION_PREFIX}${kind}`] ?? "";
      if (value !== "") definitions[kind] = value;
    }
    const parsed = TermFields.safeParse({
      name: raw.name ?? "",
      acronym: (raw.acronym ?? "") === "" ? null : raw.acronym,
      context: raw.context ?? "",
      canonicalDefinition: raw.canonical_definition ?? "",
      definitions,
      examples: splitList(raw.examples ?? ""),
      synonyms: splitList(raw.synonyms ?? ""),
      relatedTermIds: related.filter((id) => id !== (line.existingId ?? line.id)),
      kpiIds: missing("kpis", splitList(raw.kpis ?? ""), kpiIds, "a KPI"),
      toolIds: missing("tools", splitList(raw.tools ?? ""), toolIds, "a tool"),
      ownerId,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) fail(line.line, issuePath(issue.path), issue.message);
      continue;
    }
    planned.push({ line, fields: parsed.data });
  }
  // Forms against the terms that stay and the file's other lines (a line replaces the term it revises).
  const replaced = new Set(planned.flatMap(({ line }) => (line.existingId ? [line.existingId] : [])));
  const others = [
    ...existing.filter((term) => !replaced.has(term.id)),
    ...planned.map(({ line, fields }) => ({ ...fields, id: line.existingId ?? line.id })),
  ];
  for (const { line, fields } of planned) {
    for (const problem of formProblems({ ...fields, id: line.existingId ?? line.id }, others)) {
      fail(line.line, issuePath(problem.path.split(".")), problem.message);
    }
  }
  const outcome = { ...result, errors };
  const shown = new Map(existing.map((term) => [term.id, term.revisionId]));
  const revisions = new Map(
    (
      await findRevisions(
        tx,
        planned.flatMap(({ line }) => (line.existingId ? [shown.get(line.existingId) ?? ""] : [])),
      )
    ).map((r) => [r.termId, r]),
  );
  const changes = planned.map(({ line, fields }) => {
    const current = line.existingId ? revisions.get(line.existingId) : undefined;
    const same =
      current !== undefined && canonicalJson(revisionContent(current)) === canonicalJson(revisionContent(fields));
    return { line, fields, kind: line.existingId === null ? "create" : same ? "same" : "revise" };
  });
  outcome.created = changes.filter((c) => c.kind === "create").length;
  outcome.revised = changes.filter((c) => c.kind === "revise").length;
  outcome.unchanged = changes.filter((c) => c.kind === "same").length;
  if (!write || errors.length > 0) return outcome;
  const wtx = tx as Tx;
  for (const { line, fields, kind } of changes) {
    if (kind === "create") await insertNewTerm(wtx, ctx, fields, "proposed", line.id);
    else if (kind === "revise" && line.existingId) {
      const term = await getTermRow(wtx, workspaceId, line.existingId, true);
      await reviseTerm(wtx, ctx, term, fields, "proposed");
      await setTerm(wtx, term.id, { version: term.version + 1, updatedAt: ctx.now });
    }
  }
  await recordAudit(wtx, originOf(ctx), {
    action: "glossary.imported",
    entityType: "glossary",
    entityId: null,
    after: { lines: outcome.lines, created: outcome.created, revised: outcome.revised },
  });
  return { ...outcome, imported: true };
}
