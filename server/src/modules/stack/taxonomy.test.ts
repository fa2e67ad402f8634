import { expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona, buildWorkspace } from "../../../test/factories";

describeWithApp("stack taxonomy", (get) => {
  it("offers the built-in taxonomy until an admin edits the workspace's subcategories; stale edits get 409", async () => {
    const t = get();
    const ws = await buildWorkspace(t);
    const admin = await buildPersona(t, { role: "admin", teamKind: "it", workspace: ws });
    const member = await buildPersona(t, { role: "member", teamKind: "marketing", workspace: ws });
    const builtIn = (await member.request({ url: "/api/v1/stack/taxonomy" })).json();
    expect(builtIn).toMatchObject({ isCustom: false, version: 0 });
    expect(builtIn.categories.map((c: { key: string }) => c.key)).toEqual([
      "advertising",
      "content",
      "social",
      "commerce",
      "data",
      "management",
    ]);
    const subcategories = Object.fromEntries(
      builtIn.categories.map((c: { key: string; subcategories: string[] }) => [c.key, c.subcategories]),
    );
    subcategories.content = [...subcategories.content, "Podcasts"];
    const edit = (persona: typeof admin, body: Record<string, unknown>) =>
      persona.request({ method: "PUT", url: "/api/v1/stack/taxonomy", payload: body });
    expect((await edit(member, { version: 0, subcategories })).statusCode).toBe(403);
    const twice = await edit(admin, { version: 0, subcategories: { ...subcategories, data: ["BI", "bi"] } });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0].path).toBe("subcategories.data");
    const saved = await edit(admin, { version: 0, subcategories });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ isCustom: true, version: 1 });
    const content = (await member.request({ url: "/api/v1/stack/taxonomy" }))
      .json()
      .categories.find((c: { key: string }) => c.key === "content");
    expect(content.subcategories).toContain("Podcasts");
    expect((await edit(admin, { version: 0, subcategories })).statusCode).toBe(409);
    const other = await buildPersona(t, { role: "admin" });
    expect((await other.request({ url: "/api/v1/stack/taxonomy" })).json().isCustom).toBe(false);
  });
});
