import { describe, expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildTerm } from "../../../test/factories-glossary";
import { buildWorld } from "../../../test/world";
import { clashOwnerOf, reviewOwnerOf } from "./agenda.owners";

describe("reviewOwnerOf", () => {
  const people = { requesterId: "requester", sponsorId: "sponsor", itPartnerId: "partner" };
  it("gives an IT or security review to the IT partner, a marketing one to the sponsor, others to the requester", () => {
    expect(reviewOwnerOf("it", people)).toBe("partner");
    expect(reviewOwnerOf("security", people)).toBe("partner");
    expect(reviewOwnerOf("marketing", people)).toBe("sponsor");
    expect(reviewOwnerOf("legal", people)).toBe("requester");
    expect(reviewOwnerOf("finance", people)).toBe("requester");
  });
  it("falls back to the requester when the request names nobody on the reviewing side", () => {
    expect(reviewOwnerOf("it", { ...people, itPartnerId: null })).toBe("requester");
    expect(reviewOwnerOf("marketing", { ...people, sponsorId: null })).toBe("requester");
  });
});

describe("clashOwnerOf", () => {
  it("takes the owner of the newest term that has one, else null", () => {
    const owners = new Map([
      ["old", "marketing-owner"],
      ["mid", null],
      ["new", "it-owner"],
    ]);
    expect(clashOwnerOf(["old", "mid", "new"], owners)).toBe("it-owner");
    expect(clashOwnerOf(["old", "mid"], owners)).toBe("marketing-owner");
    expect(clashOwnerOf(["mid", "unknown"], owners)).toBeNull();
    expect(clashOwnerOf([], owners)).toBeNull();
  });
});

describeWithApp("rituals: owners of built agenda items", (get) => {
  it("a purchase review is owned by the request's person of the reviewing side or its requester, a clash by its newest term's owner", async () => {
    const t = get();
    const w = await buildWorld(t);
    const admin = w.personas.admin;
    const workspaceId = w.ws.workspace.id;
    await buildTerm(t, workspaceId, {
      name: "Digital asset management",
      acronym: "DAM",
      context: "marketing",
      ownerId: w.personas.marketing.user.id,
    });
    await buildTerm(t, workspaceId, {
      name: "Data access monitor",
      acronym: "DAM",
      context: "security",
      ownerId: w.personas.it.user.id,
    });
    const prepared = await admin.request({
      method: "POST",
      url: `/api/v1/meetings/${w.rituals.meeting.id}/prepare`,
      payload: {},
    });
    expect(prepared.statusCode, prepared.body).toBe(200);
    const items = prepared.json().sections.flatMap((section: { items: unknown[] }) => section.items) as Array<{
      kind: string;
      title: string;
      link: { id: string } | null;
      owner: { id: string } | null;
    }>;
    // The world's open IT review of a request with no IT partner: its requester (the target member) owns it.
    const review = items.find((item) => item.kind === "review");
    expect(review?.owner?.id).toBe(w.target.user.id);
    const dam = items.find((item) => item.kind === "clash" && item.link?.id === "dam");
    expect(dam?.owner?.id).toBe(w.personas.it.user.id);
    for (const item of items.filter((entry) => entry.kind === "review" || entry.kind === "clash")) {
      expect(item.link, item.title).not.toBeNull();
    }
  });
});
