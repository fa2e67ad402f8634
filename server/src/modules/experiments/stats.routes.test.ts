import { expect, it } from "vitest";
import { calculateSampleSize } from "#engines/experiments";
import { describeWithApp } from "../../../test/app";
import { buildPersona } from "../../../test/factories";

describeWithApp("POST /api/v1/stats/analyze", (get) => {
  it("analyses a two-arm proportion test for any signed-in person, viewers included", async () => {
    const viewer = await buildPersona(get(), { role: "viewer" });
    const response = await viewer.request({
      method: "POST",
      url: "/api/v1/stats/analyze",
      payload: {
        metric: "proportion",
        sided: "greater",
        variants: [
          { name: "control", n: 5000, sum: 500 },
          { name: "new checkout", n: 5000, sum: 560 },
        ],
      },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.variants[0].name).toBe("new checkout");
    expect(body.variants[0].estimate).toBeCloseTo(0.12, 10);
    // One-sided "greater": the upper bound is unbounded, sent as the string JSON can carry.
    expect(body.variants[0].ci[1]).toBe("Infinity");
    expect(body.variants[0].pValue).toBeGreaterThan(0);
    expect(body.variants[0].pValue).toBeLessThan(0.05);
    expect(body.srmPValue).toBeCloseTo(1, 10);
  });

  it("analyses CUPED aggregates whose correlation rounding put at 1.00015, with the clamp named in warnings", async () => {
    const persona = await buildPersona(get(), { role: "viewer" });
    // n units with post sd 4, pre sd 2 and post/pre correlation ρ, as exported with rounded sums.
    const variant = (name: string, n: number, meanPost: number, rho: number) => ({
      name,
      n,
      post: { sum: n * meanPost, sumSquares: (n - 1) * 16 + n * meanPost ** 2 },
      pre: { sum: n * 10, sumSquares: (n - 1) * 4 + n * 100 },
      postPreSumOfProducts: (n - 1) * rho * 8 + n * meanPost * 10,
    });
    const analyze = (rho: number) =>
      persona.request({
        method: "POST",
        url: "/api/v1/stats/analyze",
        payload: { metric: "cuped", variants: [variant("control", 1000, 20, 0.6), variant("b", 1000, 20.5, rho)] },
      });
    const rounded = await analyze(1.00015);
    expect(rounded.statusCode).toBe(200);
    expect(rounded.json().warnings).toEqual([
      { path: "variants[1].postPreSumOfProducts", message: expect.stringMatching(/clamped to 1/) },
    ]);
    const beyond = await analyze(1.01);
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json().errors[0].path).toBe("variants[1].postPreSumOfProducts");
  });

  it("names the variant and field it refuses", async () => {
    const persona = await buildPersona(get());
    const response = await persona.request({
      method: "POST",
      url: "/api/v1/stats/analyze",
      payload: {
        metric: "proportion",
        variants: [
          { name: "a", n: 100, sum: 10 },
          { name: "b", n: 100, sum: 130 },
        ],
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].path).toMatch(/^variants\[1\]\.sum/);
    expect(response.body).not.toContain("NaN");
  });

  it("plans a sample size and duration with the engine's power analysis, naming a bad field", async () => {
    const persona = await buildPersona(get(), { role: "viewer" });
    const plan = { metric: "proportion" as const, mean: 0.17, effect: 0.1, dailyUsers: 2000 };
    const response = await persona.request({ method: "POST", url: "/api/v1/stats/sample-size", payload: plan });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(calculateSampleSize({ ...plan, variants: 2, power: 0.8 }));
    expect(response.json().days).toBe(Math.ceil(response.json().totalUsers / 2000));
    const bad = await persona.request({
      method: "POST",
      url: "/api/v1/stats/sample-size",
      payload: { ...plan, mean: 1.4 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe("mean");
  });
});
