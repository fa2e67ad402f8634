import { expect, it } from "vitest";
import { describeWithApp } from "../../test/app";
import { DEMO_ADMIN, seedDemo } from "./seed-demo";

describeWithApp("demo company's experiments", (get) => {
  it("seeds experiments in every status whose results tell their story", async () => {
    const t = get();
    await seedDemo(t.database, new Date());
    const login = await t.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: DEMO_ADMIN });
    const cookie = (login.headers["set-cookie"] as string).split(";")[0];
    const get200 = async (url: string) => {
      const response = await t.app.inject({ url, headers: { cookie } });
      expect(response.statusCode, url).toBe(200);
      return response.json();
    };
    const experiments: { id: string; name: string; status: string; headline: { verdict: string } | null }[] = (
      await get200("/api/v1/experiments?limit=200")
    ).items;
    expect(new Set(experiments.map((experiment) => experiment.status))).toEqual(
      new Set(["draft", "running", "stopped", "decided"]),
    );
    const byName = (name: string) => {
      const found = experiments.find((experiment) => experiment.name === name);
      if (!found) throw new Error(`no experiment ${name}`);
      return found;
    };
    const warningsOf = async (name: string) =>
      (await get200(`/api/v1/experiments/${byName(name).id}/results`)).warnings.map((w: { code: string }) => w.code);

    expect(byName("Free-shipping threshold banner").headline?.verdict).toBe("win");
    expect(byName("Guest checkout first").headline?.verdict).toBe("inconclusive");
    expect(await warningsOf("Product names in newsletter subject lines")).toContain("guardrail");
    expect(await warningsOf("Loyalty points shown on product pages")).toEqual(["srm"]);
    expect(await warningsOf("Size-finder quiz on jackets")).toEqual(["peeking", "underpowered"]);
    const followUp = await get200(
      `/api/v1/experiments/${byName("Guest checkout on mobile, account offered after purchase").id}`,
    );
    expect(followUp.parent.name).toBe("Guest checkout first");
    expect(followUp.headline.verdict).toBe("win");
    expect(await warningsOf("Guest checkout on mobile, account offered after purchase")).toEqual([]);
    const library = (await get200("/api/v1/experiments/learnings")).items;
    expect(library.map((experiment: { name: string }) => experiment.name)).toEqual([
      "Product names in newsletter subject lines",
      "Guest checkout first",
      "Free-shipping threshold banner",
    ]);
    expect((await get200("/api/v1/audit/verify")).intact).toBe(true);
  });
});
