import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("has defaults for a fresh machine", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, HOST: "localhost", DATABASE_URL: undefined, TANDEM_JOBS: true, TANDEM_DEMO: false });
    expect(env.dataDir).toMatch(/data$/);
  });

  it("treats an empty variable as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" })).toMatchObject({ DATABASE_URL: undefined, PORT: 3000 });
  });

  it("names every bad setting", () => {
    expect(() => parseEnv({ PORT: "http", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" })).toThrow(
      /PORT:[\s\S]*DATABASE_URL:[\s\S]*LOG_LEVEL:/,
    );
  });
});
