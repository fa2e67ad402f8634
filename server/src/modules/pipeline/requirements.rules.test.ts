import { describe, expect, it } from "vitest";
import { type RequirementParts, requirementGaps } from "./pipeline.rules";

const empty: RequirementParts = {
  outcome: "",
  beneficiaries: "",
  successMeasure: "",
  systems: "",
  toolIds: [],
  dataNeeds: "",
  dataClasses: [],
  securityNotes: "",
  nonFunctionalNeeds: "",
};

describe("requirementGaps (the request template: business view beside technical view)", () => {
  it("lists every part of both views for an empty request, in the template's order", () => {
    expect(requirementGaps(empty)).toEqual({
      business: ["outcome", "users", "successMeasure"],
      technical: ["systems", "data", "security", "nonFunctionalNeeds"],
    });
  });

  it("counts blank text as missing, and tools or data classes as written systems and data", () => {
    expect(
      requirementGaps({
        ...empty,
        outcome: "  \n ",
        beneficiaries: "Editors",
        successMeasure: "Posts on time",
        toolIds: ["t1"],
        dataClasses: ["personal"],
        securityNotes: "SSO",
        nonFunctionalNeeds: " ",
      }),
    ).toEqual({ business: ["outcome"], technical: ["nonFunctionalNeeds"] });
  });

  it("has no gaps once every part is written", () => {
    expect(
      requirementGaps({
        outcome: "a",
        beneficiaries: "b",
        successMeasure: "c",
        systems: "d",
        toolIds: [],
        dataNeeds: "e",
        dataClasses: [],
        securityNotes: "f",
        nonFunctionalNeeds: "g",
      }),
    ).toEqual({ business: [], technical: [] });
  });
});
