import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("has defaults for a fresh machine", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, HOST: "localhost", TANDEM_JOBS: true, TANDEM_DEMO: false });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.dataDir).toMatch(/data$/);
  });

  it("treats an empty variable as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", PORT: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
  });

  it("names every bad setting", () => {
    expect(() => parseEnv({ PORT: "http", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" })).toThrow(
      /PORT:[\s\S]*DATABASE_URL:[\s\S]*LOG_LEVEL:/,
    );
  });
});
