import type { RouteSpec } from "#contracts/route";

type Part<S, K extends string> = S extends { [key in K]: infer T } ? T : undefined;

/** The Fastify schema of a route declared in `contracts/api`, with the types the zod type provider reads. */
interface SchemaOf<S extends RouteSpec> {
  tags: string[];
  summary: string;
  description?: string;
  params: Part<S, "params">;
  querystring: Part<S, "query">;
  body: Part<S, "body">;
  response: S["response"];
}

/**
 * A declared route as Fastify's route options: `app.route({ ...routeOf(api.list), handler })`. The handler's
 * request and reply are typed from the same schemas the web client is.
 */
export function routeOf<const S extends RouteSpec>(spec: S): { method: S["method"]; url: string; schema: SchemaOf<S> } {
  const schema: Record<string, unknown> = { tags: [...spec.tags], summary: spec.summary, response: spec.response };
  if (spec.description !== undefined) schema.description = spec.description;
  if (spec.params !== undefined) schema.params = spec.params;
  if (spec.query !== undefined) schema.querystring = spec.query;
  if (spec.body !== undefined) schema.body = spec.body;
  return { method: spec.method, url: spec.path, schema: schema as unknown as SchemaOf<S> };
}
