import { describe, expect, it } from "vitest";
import type { User } from "#contracts/people";
import { ownerOptions } from "./options";

const person = (id: string, name: string, team: string, kind: User["team"]["kind"]): User => ({
  id,
  name,
  email: `${id}@example.com`,
  role: "member",
  status: "active",
  team: { id: `team-${team}`, name: team, kind },
  lastSeenAt: null,
  emailNotifications: true,
  version: 1,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
});

describe("a person picker", () => {
  const people = [
    person("a", "Ada", "Platform", "it"),
    person("m", "Mia", "Brand", "marketing"),
    person("s", "Sam", "Growth", "marketing"),
  ];

  it("lists a marketing sponsor's side first, each with their team, then everyone else", () => {
    expect(ownerOptions(people, "marketing")).toEqual([
      {
        group: "Marketing",
        items: [
          { value: "m", label: "Mia · Brand" },
          { value: "s", label: "Sam · Growth" },
        ],
      },
      { group: "Other teams", items: [{ value: "a", label: "Ada · Platform" }] },
    ]);
  });

  it("lists everyone with their team when no side is asked for", () => {
    expect(ownerOptions(people)).toEqual([
      { value: "a", label: "Ada · Platform" },
      { value: "m", label: "Mia · Brand" },
      { value: "s", label: "Sam · Growth" },
    ]);
  });
});
