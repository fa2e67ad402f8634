import type { RouteOptions } from "fastify";
import { expect, it } from "vitest";
import { z } from "zod";
import { describeWithApp } from "../test/app";
import { DEMO_ADMIN, seedDemo } from "./cli/seed-demo";

interface Schema {
  response?: Record<number, unknown>;
  querystring?: unknown;
}

/** The routes that answer a page of a list: `{items, nextCursor}`. */
function listRoutes(routes: RouteOptions[]) {
  return routes.filter((route) => {
    const ok = (route.schema as Schema | undefined)?.response?.[200];
    return route.method === "GET" && ok instanceof z.ZodObject && "items" in ok.shape && "nextCursor" in ok.shape;
  });
}

/** The values of a list's `sort` parameter, or [undefined] when it has none. */
function sortsOf(route: RouteOptions): (string | undefined)[] {
  const query = (route.schema as Schema).querystring;
  const sort = query instanceof z.ZodObject ? query.shape.sort : undefined;
  const inner = sort instanceof z.ZodDefault ? sort.unwrap() : sort;
  return inner instanceof z.ZodEnum ? (inner.options as string[]) : [undefined];
}

describeWithApp("every list endpoint on the demo data", (get) => {
  it("walks to its last page in every sort order, each item once", async () => {
    const t = get();
    await seedDemo(t.database, new Date());
    const login = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: DEMO_ADMIN });
    const cookie = (login.headers["set-cookie"] as string).split(";")[0];
    const csrf = login.json().csrfToken as string | undefined;
    const read = async (url: string) => {
      const response = await t.app.inject({ url, headers: { cookie } });
      expect(response.statusCode, `${url} ${response.body.slice(0, 300)}`).toBe(200);
      return response.json() as { items: { id?: string }[]; nextCursor: string | null };
    };
    // The demo holds one attribution run: a second one gives its list a page 2.
    const [demoRun] = (await read("/api/v1/attribution/runs")).items as { periodStart: string; periodEnd: string }[];
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/attribution/runs",
      headers: { cookie, ...(csrf ? { "x-csrf-token": csrf } : {}) },
      payload: {
        source: "touchpoints",
        models: ["last"],
        periodStart: demoRun.periodStart,
        periodEnd: demoRun.periodEnd,
      },
    });
    expect(created.statusCode, created.body).toBe(201);

    const walk = async (base: string, limit: number, sort: string | undefined) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const search = new URLSearchParams({ limit: String(limit), ...(sort ? { sort } : {}) });
        if (cursor) search.set("cursor", cursor);
        const page = await read(`${base}?${search}`);
        expect(page.items.length, base).toBeLessThanOrEqual(limit);
        for (const item of page.items) ids.push(item.id ?? JSON.stringify(item));
        cursor = page.nextCursor;
        pages++;
        expect(pages, `${base} does not end`).toBeLessThan(1000);
      } while (cursor);
      return { ids, pages };
    };

    const lists = listRoutes(t.routes);
    expect(lists.map((route) => route.url)).toEqual(
      expect.arrayContaining(["/api/v1/spend", "/api/v1/attribution/runs"]),
    );
    const walked: Record<string, { items: number; pages: number }> = {};
    for (const route of lists) {
      // A nested list (`/tools/:id/history`) is walked for the first item of the list above it.
      let base = route.url;
      const param = /\/:(\w+)/.exec(base);
      if (param) {
        const parent = await read(`${base.slice(0, param.index)}?limit=1`);
        expect(parent.items.length, `${base}: its parent list is empty on the demo`).toBe(1);
        base = base.replace(`:${param[1]}`, String(parent.items[0].id));
      }
      const all = await walk(base, 200, undefined);
      // Small pages, so every list with two items or more has a page 2.
      const limit = Math.max(1, Math.ceil(all.ids.length / 4));
      for (const sort of sortsOf(route)) {
        const { ids, pages } = await walk(base, limit, sort);
        expect(new Set(ids).size, `${base} sort ${sort}: an item twice`).toBe(ids.length);
        expect(ids.length, `${base} sort ${sort}`).toBe(all.ids.length);
        walked[`${route.url} ${sort ?? ""}`] = { items: ids.length, pages };
      }
    }
    expect(walked["/api/v1/spend -date"].pages).toBeGreaterThanOrEqual(4);
    expect(walked["/api/v1/attribution/runs -createdAt"].pages).toBe(2);
  }, 120_000);
});
