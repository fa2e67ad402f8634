import { expect, it } from "vitest";
import { describeWithApp } from "../../test/app";
import { buildPersona } from "../../test/factories";
import { findNulCharacter } from "./text-guard";

it("finds the path of the first string with a NUL character", () => {
  expect(findNulCharacter({ a: "ok", b: [{ c: "x\u0000y" }] })).toBe("b.0.c");
  expect(findNulCharacter({ a: "ok", b: [1, null, true] })).toBeNull();
  expect(findNulCharacter("\u0000")).toBe("(body)");
});

describeWithApp("NUL characters", (get) => {
  it("are refused with a 400 naming the field, in bodies and query strings, never a 500", async () => {
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
});
