import type { z } from "zod";

/**
 * One HTTP operation of the API, declared once: the server registers it (`routeOf` in
 * `server/src/lib/route.ts`) and the web calls it (`call` and `keyOf` in `web/src/lib/api.ts`), so the path,
 * method, inputs and answer cannot drift apart. `path` is relative to `/api/v1`, with `:name` parameters.
 */
export interface RouteSpec {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  tags: readonly string[];
  summary: string;
  description?: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: { readonly [status: number]: z.ZodType };
}

/** Declares a route, keeping its literal types for both sides. */
export function defineRoute<const S extends RouteSpec>(spec: S): S {
  return spec;
}

type Schema<S, K extends string> = S extends { [key in K]: infer T extends z.ZodType } ? T : undefined;

/** The route's parameters, as the server reads them. */
export type RouteParams<S extends RouteSpec> =
  Schema<S, "params"> extends z.ZodType ? z.output<Schema<S, "params">> : undefined;

// A coerced query field reads `unknown` on input: a client sends it as a string or a number.
type Sendable<T> = { [K in keyof T]: unknown extends T[K] ? string | number | undefined : T[K] };

/** The query string a client may send (defaults optional, coerced numbers as numbers or strings). */
export type RouteQuery<S extends RouteSpec> =
  Schema<S, "query"> extends z.ZodType ? Sendable<z.input<Schema<S, "query">>> : undefined;

/** The body a client may send (defaults optional). */
export type RouteBody<S extends RouteSpec> =
  Schema<S, "body"> extends z.ZodType ? z.input<Schema<S, "body">> : undefined;

type SuccessStatus = 200 | 201 | 202;

/** The successful answer's body (`undefined` for a route that answers 204 only). */
export type RouteAnswer<S extends RouteSpec> = {
  [K in keyof S["response"] & SuccessStatus]: S["response"][K] extends z.ZodType ? z.output<S["response"][K]> : never;
}[keyof S["response"] & SuccessStatus] extends infer A
  ? [A] extends [never]
    ? undefined
    : A
  : never;
