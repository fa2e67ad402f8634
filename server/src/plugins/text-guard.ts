import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError, type FieldError } from "../errors";
import { unstorableTextProblem } from "../lib/storable-text";

/** How deep a JSON body may nest: far more than any Tandem body needs, far less than a stack can take. */
export const TextGuardLimits = { depthMax: 64 } as const;

function joinPath(path: readonly string[]) {
  return path.join(".") || "(body)";
}

/**
 * The first place in parsed input that the database cannot store or that nests too deep: a string or key with a
 * NUL character or a lone surrogate, or a container deeper than `TextGuardLimits.depthMax`. Walks iteratively, so
 * no input can exhaust the stack; null when the input is fine.
 */
export function findUnstorableInput(value: unknown): FieldError | null {
  const pending: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (pending.length > 0) {
    const next = pending.pop();
    if (!next) break;
    if (typeof next.value === "string") {
      const message = unstorableTextProblem(next.value);
      if (message) return { path: joinPath(next.path), message };
      continue;
    }
    if (next.value === null || typeof next.value !== "object") continue;
    if (next.path.length >= TextGuardLimits.depthMax) {
      return { path: joinPath(next.path), message: `nests deeper than ${TextGuardLimits.depthMax} levels` };
    }
    const entries: [string, unknown][] = Array.isArray(next.value)
      ? next.value.map((item, index) => [String(index), item])
      : Object.entries(next.value);
    // Pushed in reverse so the first field is looked at first, as a reader would.
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const [key, item] = entries[index];
      const path = [...next.path, key];
      const message = unstorableTextProblem(key);
      if (message) return { path: joinPath(path), message };
      pending.push({ value: item, path });
    }
  }
  return null;
}

function refuse(error: FieldError | null, prefix = "") {
  if (!error) return;
  const path = prefix ? `${prefix}.${error.path}` : error.path;
  throw new AppError("validation_failed", `${path} ${error.message}`, [{ path, message: error.message }]);
}

/**
 * Parses JSON bodies and refuses, before anything recursive touches them, those nested too deep or holding text
 * the database cannot store (400 naming the field). Fastify's own parser still guards against prototype keys.
 */
export function registerJsonGuard(app: FastifyInstance) {
  const parse = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    parse(request, typeof body === "string" ? body : body.toString("utf8"), (error, parsed) => {
      if (error) return done(error, undefined);
      try {
        refuse(findUnstorableInput(parsed));
      } catch (refusal) {
        return done(refusal as Error, undefined);
      }
      done(null, parsed);
    });
  });
}

/** Refuses query strings and path parameters holding text the database cannot store, with a 400 naming the field. */
export async function refuseUnstorableText(request: FastifyRequest) {
  refuse(findUnstorableInput(request.query));
  refuse(findUnstorableInput(request.params), "params");
}
