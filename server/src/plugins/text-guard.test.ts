import { expect, it } from "vitest";
import { describeWithApp } from "../../test/app";
import { buildPersona } from "../../test/factories";
import { findUnstorableInput, TextGuardLimits } from "./text-guard";

function nestedArrays(depth: number) {
  return `${"[".repeat(depth)}${"]".repeat(depth)}`;
}

it("finds the path of the first string with a NUL character, in values and keys", () => {
  expect(findUnstorableInput({ a: "ok", b: [{ c: "x\u0000y" }] })?.path).toBe("b.0.c");
  expect(findUnstorableInput({ a: "ok", b: [1, null, true] })).toBeNull();
  expect(findUnstorableInput("\u0000")?.path).toBe("(body)");
  expect(findUnstorableInput({ query: { "k\u0000": "v" } })?.path).toBe("query.k\u0000");
});

it("finds ill-formed UTF-16 (a lone surrogate) and accepts well-formed pairs", () => {
  expect(findUnstorableInput({ name: "\ud800" })).toEqual({ path: "name", message: "is not well-formed Unicode" });
  expect(findUnstorableInput({ name: "a\udc00b" })?.path).toBe("name");
  expect(findUnstorableInput({ name: "x\ud83d" })?.path).toBe("name");
  expect(findUnstorableInput({ name: "emoji \ud83d\ude00 ok" })).toBeNull();
  expect(findUnstorableInput({ list: [{ "\udfff": 1 }] })?.path).toBe("list.0.\udfff");
});

it("refuses nesting deeper than the limit without recursion, at any depth", () => {
  const limit = TextGuardLimits.depthMax;
  expect(findUnstorableInput(JSON.parse(nestedArrays(limit)))).toBeNull();
  const tooDeep = findUnstorableInput(JSON.parse(nestedArrays(limit + 1)));
  expect(tooDeep?.message).toBe(`nests deeper than ${limit} levels`);
  expect(tooDeep?.path).toBe(Array.from({ length: limit }, () => "0").join("."));
  // 100,000 levels: an iterative walk stops at the limit, a recursive one overflows the stack.
  expect(findUnstorableInput(JSON.parse(nestedArrays(100_000)))?.message).toBe(`nests deeper than ${limit} levels`);
});

describeWithApp("input the database cannot store", (get) => {
  it("refuses NUL characters with a 400 naming the field, in bodies and query strings, never a 500", async () => {
    const admin = await buildPersona(get(), { role: "admin" });
    const body = await admin.request({
      method: "POST",
      url: "/api/v1/teams",
      payload: { name: "\u0000", kind: "other" },
    });
    expect(body.statusCode).toBe(400);
    expect(body.json().errors).toEqual([{ path: "name", message: "may not contain NUL characters" }]);
    const query = await admin.request({ method: "GET", url: "/api/v1/tools?q=%00" });
    expect(query.statusCode).toBe(400);
    expect(query.json().errors[0].path).toBe("q");
  });

  it("refuses arrays nested 10,000 deep on the public sign-in route with a 400 naming the field", async () => {
    const response = await get().app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: `{"email":${nestedArrays(10_000)},"password":"x"}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    const [error] = response.json().errors;
    expect(error.message).toBe(`nests deeper than ${TextGuardLimits.depthMax} levels`);
    expect(error.path.startsWith("email.0.0")).toBe(true);
  });

  it("refuses a lone surrogate in a saved view and in the taxonomy with a 400 naming the field", async () => {
    const admin = await buildPersona(get(), { role: "admin" });
    const view = await admin.request({
      method: "POST",
      url: "/api/v1/views",
      headers: { "content-type": "application/json" },
      payload: '{"page":"stack","name":"Mine \\ud800","query":{"q":"x"}}',
    });
    expect(view.statusCode).toBe(400);
    expect(view.json().errors).toEqual([{ path: "name", message: "is not well-formed Unicode" }]);
    const subcategories = { advertising: ["Ads"], content: ["CMS"], social: ["Social"], commerce: ["Shop"] };
    const taxonomy = await admin.request({
      method: "PUT",
      url: "/api/v1/stack/taxonomy",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({
        subcategories: { ...subcategories, data: ["CDP"], management: ["PM"] },
        version: 0,
      }).replace('"CDP"', '"CDP \\udc00"'),
    });
    expect(taxonomy.statusCode).toBe(400);
    expect(taxonomy.json().errors).toEqual([{ path: "subcategories.data.0", message: "is not well-formed Unicode" }]);
    const query = await admin.request({ method: "GET", url: "/api/v1/tools?q=%ED%A0%80" });
    expect(query.statusCode).toBeLessThan(500);
  });
});
