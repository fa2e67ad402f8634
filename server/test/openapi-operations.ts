import fc from "fast-check";
import type { TestApp } from "./app";
import type { Persona } from "./factories";
import { arbitraryOf, type JsonSchema } from "./schema-arbitrary";
import type { World } from "./world";

/** One operation of the OpenAPI document, as a client generator or a fuzzer reads it. */
export interface Operation {
  method: string;
  /** The OpenAPI path, e.g. `/api/v1/tools/{id}`. */
  path: string;
  parameters: { in: "path" | "query" | "header"; name: string; required?: boolean; schema: JsonSchema }[];
  body: JsonSchema | undefined;
  /** The statuses the document lists for the operation. */
  statuses: Set<number>;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Operation["parameters"];
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
        responses?: Record<string, unknown>;
      }
    >
  >;
}

const METHODS = ["get", "post", "put", "patch", "delete"];

/** Every operation of the app's own OpenAPI document. */
export async function loadOperations(t: TestApp): Promise<Operation[]> {
  const response = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
  const document = response.json() as OpenApiDocument;
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        body: operation.requestBody?.content["application/json"]?.schema,
        statuses: new Set(Object.keys(operation.responses ?? {}).map(Number)),
      });
    }
  }
  return operations;
}

/** Whether a status is one the document lists for the operation (any 2xx when it lists none, as for files). */
export function isDocumentedStatus(operation: Operation, status: number) {
  if (operation.statuses.has(status)) return true;
  const listsSuccess = [...operation.statuses].some((listed) => listed >= 200 && listed < 300);
  return !listsSuccess && status >= 200 && status < 300;
}

/** The id of the world's record that a path parameter names, so that generated requests reach real rows. */
function worldIdFor(world: World, path: string, parameter: string): string | undefined {
  if (parameter === "itemId") return world.rituals.agendaItemId;
  if (parameter === "testId") return world.guardrails.policyTest.id;
  const byCollection: Record<string, string> = {
    tools: world.tool.id,
    integrations: world.integration.id,
    experiments: world.experiment.id,
    requests: world.pipelineRequest.id,
    users: world.target.user.id,
    teams: world.ws.teamOf("other").id,
    calendars: world.calendar.id,
    invitations: world.invitation.id,
    tokens: world.token.id,
    sessions: world.targetSessionId,
    objectives: world.objective.id,
    segments: world.segment.id,
    kpis: world.kpi.id,
    glossary: world.term.id,
    policies: world.guardrails.policy.id,
    reviews: world.guardrails.review.id,
    "meeting-series": world.rituals.series.id,
    meetings: world.rituals.meeting.id,
    "action-items": world.rituals.actionItemId,
    "job-swaps": world.jobSwapId,
    surveys: world.healthSurveyId,
    "survey-items": world.healthItemId,
  };
  const collection = path.split("/")[3] ?? "";
  return byCollection[collection];
}

/** The world's records that a body field of this name (or list name) refers to. */
function worldIdsNamed(world: World, key: string): string[] {
  const people = [world.target, world.personas.marketing, world.personas.it, world.personas.admin].map(
    (p) => p.user.id,
  );
  const byName: [RegExp, string[]][] = [
    [/^(mentions|userId|ownerId|.*(Owner|Person|Partner|sponsor)Id|sponsorId|participantIds|attendeeIds)$/, people],
    [/^(toolIds?|fromToolId|toToolId|integratesWith)$/, [world.tool.id, world.otherTool.id]],
    [/^(termIds?|relatedTermIds|keepTermId)$/, [world.term.id, ...world.clash.map((term) => term.id)]],
    [/^revisionId$/, [world.term.revisionId]],
    [/^requestIds?$/, [world.pipelineRequest.id]],
    [/^kpiIds?$/, [world.kpi.id]],
    [/^(objectiveId|parentId)$/, [world.objective.id, world.experiment.id]],
    [/^segmentId$/, [world.segment.id]],
    [/^experimentIds$/, [world.experiment.id]],
    [/^calendarId$/, [world.calendar.id]],
    [/^seriesId$/, [world.rituals.series.id]],
    [/^agendaItemId$/, [world.rituals.agendaItemId]],
    [/^sourceMeetingId$/, [world.rituals.meeting.id]],
    [/^itemIds?$/, [world.healthItemId]],
  ];
  return byName.find(([pattern]) => pattern.test(key))?.[1] ?? [];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A generated body with most of its ids pointing at the world's real records (picked by the field's name), so that
 * requests get past "not found" to the code that writes; about one id in four stays as generated.
 */
export function withWorldIds(value: unknown, world: World, key = ""): unknown {
  if (typeof value === "string" && UUID.test(value)) {
    const known = worldIdsNamed(world, key);
    // Two independent draws from the generated id: whether to keep it, and which record replaces it.
    const keep = Number.parseInt(value.slice(0, 2), 16) % 4 === 0;
    const pick = Number.parseInt(value.slice(2, 6), 16) % Math.max(known.length, 1);
    return known.length > 0 && !keep ? known[pick] : value;
  }
  if (Array.isArray(value)) return value.map((item) => withWorldIds(item, world, key));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, withWorldIds(item, world, name)]));
  }
  return value;
}

/** Path parameters as a client would fill them: mostly the world's real records, sometimes any valid value. */
export function pathParamsArbitrary(operation: Operation, world: World): fc.Arbitrary<Record<string, string>> {
  const shape: Record<string, fc.Arbitrary<string>> = {};
  for (const parameter of operation.parameters.filter((p) => p.in === "path")) {
    const known = parameter.schema.format === "uuid" ? worldIdFor(world, operation.path, parameter.name) : undefined;
    const any = arbitraryOf(parameter.schema).map(String);
    shape[parameter.name] = known ? fc.oneof({ arbitrary: fc.constant(known), weight: 3 }, any) : any;
  }
  return fc.record(shape);
}

/** Query parameters generated from their schemas, each present or not. */
export function queryArbitrary(operation: Operation): fc.Arbitrary<Record<string, unknown>> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  for (const parameter of operation.parameters.filter((p) => p.in === "query")) {
    shape[parameter.name] = arbitraryOf(parameter.schema);
    if (parameter.required) required.push(parameter.name);
  }
  return fc.record(shape, { requiredKeys: required });
}

/** Sends a generated request of an operation as a persona: its URL, and its body as JSON when it has one. */
export function sendAs(persona: Persona, operation: Operation, url: string, body: unknown) {
  return persona.request({
    method: operation.method as "GET",
    url,
    ...(body === undefined ? {} : { payload: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });
}

/** The URL of an operation with its path parameters and query string. */
export function urlOf(operation: Operation, params: Record<string, string>, query: Record<string, unknown> = {}) {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? "x"));
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const item of [value].flat()) search.append(key, String(item));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
