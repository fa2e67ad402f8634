import { expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona, buildWorkspace } from "../../../test/factories";

describeWithApp("saved views", (get) => {
  it("keeps personal views to their owner, shares shared ones, and lets only the owner or an admin delete", async () => {
    const t = get();
    const ws = await buildWorkspace(t);
    const mia = await buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws });
    const ivan = await buildPersona(t, { role: "member", teamKind: "it", workspace: ws });
    const admin = await buildPersona(t, { role: "admin", teamKind: "it", workspace: ws });
    const outsider = await buildPersona(t, { role: "admin" });
    const save = (persona: typeof mia, name: string, shared: boolean) =>
      persona.request({
        method: "POST",
        url: "/api/v1/views",
        payload: { page: "stack", name, query: { status: "shadow", category: "data" }, shared },
      });
    const personal = await save(mia, "My shadow data tools", false);
    expect(personal.statusCode).toBe(201);
    const shared = (await save(mia, "Shadow data tools", true)).json();
    const duplicate = await save(mia, "my shadow DATA tools", false);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().errors[0].path).toBe("name");
    const bad = await mia.request({
      method: "POST",
      url: "/api/v1/views",
      payload: { page: "nowhere", name: "", query: {} },
    });
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(["name", "page"]);
    const names = async (persona: typeof mia) =>
      (await persona.request({ url: "/api/v1/views?page=stack" })).json().items.map((v: { name: string }) => v.name);
    expect(await names(mia)).toEqual(["My shadow data tools", "Shadow data tools"]);
    expect(await names(ivan)).toEqual(["Shadow data tools"]);
    expect(await names(outsider)).toEqual([]);
    expect((await ivan.request({ method: "DELETE", url: `/api/v1/views/${shared.id}` })).statusCode).toBe(403);
    expect((await ivan.request({ method: "DELETE", url: `/api/v1/views/${personal.json().id}` })).statusCode).toBe(404);
    expect((await admin.request({ method: "DELETE", url: `/api/v1/views/${shared.id}` })).statusCode).toBe(200);
    expect(await names(ivan)).toEqual([]);
  });
});
