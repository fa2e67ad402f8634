import { expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona, buildWorkspace } from "../../../test/factories";

describeWithApp("teams", (get) => {
  it("lists the five default teams with active member counts", async () => {
    const t = get();
    const ws = await buildWorkspace(t);
    const admin = await buildPersona(t, { role: "admin", teamKind: "it", workspace: ws });
    await buildPersona(t, { teamKind: "marketing", workspace: ws });
    const list = (await admin.request({ url: "/api/v1/teams" })).json();
    expect(list.items.map((team: { name: string }) => team.name)).toEqual([
      "Finance",
      "IT",
      "Legal",
      "Marketing",
      "Security",
    ]);
    const counts = Object.fromEntries(
      list.items.map((team: { kind: string; memberCount: number }) => [team.kind, team.memberCount]),
    );
    expect(counts).toMatchObject({ it: 1, marketing: 1, legal: 0 });
  });

  it("adds a team, refuses a duplicate name (any case), renames with its version", async () => {
    const t = get();
    const admin = await buildPersona(t, { role: "admin" });
    const created = await admin.request({
      method: "POST",
      url: "/api/v1/teams",
      payload: { name: "Data", kind: "other" },
    });
    expect(created.statusCode).toBe(201);
    const duplicate = await admin.request({ method: "POST", url: "/api/v1/teams", payload: { name: "data" } });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors[0].path).toBe("name");
    const { id } = created.json();
    const renamed = await admin.request({
      method: "PATCH",
      url: `/api/v1/teams/${id}`,
      payload: { version: 1, name: "Data & Analytics" },
    });
    expect(renamed.json()).toMatchObject({ name: "Data & Analytics", version: 2 });
    const stale = await admin.request({
      method: "PATCH",
      url: `/api/v1/teams/${id}`,
      payload: { version: 1, name: "Data" },
    });
    expect(stale.statusCode).toBe(409);
    const blank = await admin.request({ method: "POST", url: "/api/v1/teams", payload: { name: "   " } });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors[0].path).toBe("name");
  });
});
