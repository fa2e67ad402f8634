import Fastify from "fastify";
import { expect, it } from "vitest";
import { registerErrorHandler } from "./error-handler";

// pg-pool's own words when every connection stayed busy past connectionTimeoutMillis, as Drizzle passes them on.
const poolTimeout = () =>
  new Error("Failed query: begin", { cause: new Error("timeout exceeded when trying to connect") });

it("answers 503 with Retry-After when no database connection was free in time, and 500 for other errors", async () => {
  const app = Fastify({ logger: false });
  registerErrorHandler(app);
  app.get("/busy", async () => {
    throw poolTimeout();
  });
  app.get("/broken", async () => {
    throw new Error("something else");
  });
  const busy = await app.inject({ url: "/busy" });
  expect(busy.statusCode).toBe(503);
  expect(busy.headers["retry-after"]).toBe("2");
  expect(busy.json()).toMatchObject({
    code: "service_unavailable",
    detail: "The server is busy; try again in a moment",
  });
  expect((await app.inject({ url: "/broken" })).statusCode).toBe(500);
  await app.close();
});
