import { expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { answer, buildHealthWorld, launchedPulse } from "../../../test/factories-health";
import { alignmentCacheStats } from "./alignment.service";

type Answer = {
  index: number | null;
  basis: { surveyId: string | null; groups: { marketing: { answered: number | null } } };
  criteria: { key: string; signals: { key: string; value: number | null; note: string }[] }[];
};

const ssoSignal = (alignment: Answer) =>
  alignment.criteria
    .find((criterion) => criterion.key === "scope_architecture")
    ?.signals.find((signal) => signal.key === "marketing_tools_sso");

describeWithApp("the Alignment Index's cache", (get) => {
  it("serves the computed answer again until a released pulse or a changed signal source makes a new one", async () => {
    const t = get();
    const { admin, marketing, it: itPeople } = await buildHealthWorld(t, { marketing: 3, it: 2 });
    const read = async () => {
      const response = await admin.request({ url: "/api/v1/alignment" });
      expect(response.statusCode).toBe(200);
      return response.json() as Answer;
    };
    const pulse = await launchedPulse(admin, { k: 3 });
    const before = await read();
    const misses = alignmentCacheStats.misses;
    const hits = alignmentCacheStats.hits;
    // Nothing changed: the same answer, not computed again (Home reads it on every load).
    expect(await read()).toEqual(before);
    expect(alignmentCacheStats).toMatchObject({ hits: hits + 1, misses });
    expect(before.basis.surveyId).toBeNull();

    // Answers below k release nothing; the answer stays the same.
    for (const person of marketing.slice(0, 2)) expect((await answer(person, pulse, () => 4)).statusCode).toBe(201);
    expect((await read()).basis.groups.marketing.answered).toBeNull();
    // The third marketing answer and the IT side reaching k release the pulse: the Index shows it at once.
    expect((await answer(marketing[2] as never, pulse, () => 4)).statusCode).toBe(201);
    for (const person of [...itPeople, admin]) expect((await answer(person, pulse, () => 2)).statusCode).toBe(201);
    const released = await read();
    expect(released.basis.surveyId).toBe(pulse.id);
    expect(released.basis.groups.marketing.answered).toBe(3);
    expect(released.index).not.toBe(before.index);

    // A changed signal source (a live marketing tool behind single sign-on, in the Stack): seen at once.
    expect(ssoSignal(released)?.value ?? null).toBeNull();
    const tool = await admin.request({
      method: "POST",
      url: "/api/v1/tools",
      payload: {
        name: "Campaign studio",
        category: "social",
        subcategory: "CRM",
        lifecycle: "active",
        businessOwnerId: marketing[0]?.user.id,
        sso: true,
      },
    });
    expect(tool.statusCode).toBe(201);
    expect(ssoSignal(await read())).toMatchObject({
      value: 100,
      note: "1 of 1 live tools with a business owner sign in through SSO",
    });

    // Another workspace's changes and reads never mix with this one's.
    const other = await buildHealthWorld(t, { marketing: 0, it: 0 });
    const theirs = (await other.admin.request({ url: "/api/v1/alignment" })).json() as Answer;
    expect(ssoSignal(theirs)?.value ?? null).toBeNull();
    expect(ssoSignal(await read())?.value).toBe(100);
  });
});
