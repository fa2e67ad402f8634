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

  it("reads TRUST_PROXY as a hop count or a list of proxy addresses", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "0" }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(parseEnv({ TRUST_PROXY: "10.0.0.0/8, 192.168.1.5,::1,loopback" }).TRUST_PROXY).toEqual([
      "10.0.0.0/8",
      "192.168.1.5",
      "::1",
      "loopback",
    ]);
    for (const bad of ["10.0.0.0/33", "proxy.example.com", "1.2.3", "-1", "10.0.0.0/8/1"]) {
      expect(() => parseEnv({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
    }
  });
});
