import { describe, expect, it } from "vitest";
import { draftOf, findingsByField, rulesOf, STARTER_RULES } from "./draft-rules";

describe("the policy editor's draft rules", () => {
  it("round-trips stored rules: require only on review rules, explain only when written", () => {
    expect(rulesOf(draftOf(STARTER_RULES))).toEqual(STARTER_RULES);
    const [rule] = draftOf([{ id: "x", when: "true", outcome: "review", require: ["it"] }]);
    expect(rulesOf([{ ...rule, outcome: "approve", explain: "  " }])).toEqual([
      { id: "x", when: "true", outcome: "approve" },
    ]);
  });

  it("puts each finding on its rule's field, and unknown fields on the rule", () => {
    const finding = (index: number | null, field: string, message: string) => ({
      index,
      rule: null,
      field,
      message,
      line: null,
      column: null,
    });
    const fields = findingsByField(
      [
        finding(0, "when", "invalid CEL syntax at column 3: x"),
        finding(0, "require[1]", '"hr" is not a reviewer kind'),
        finding(0, "colour", "is not a field of a rule"),
        finding(1, "id", "duplicate id"),
        finding(null, "rules", "must be a list"),
      ],
      0,
    );
    expect(fields).toEqual({
      when: ["invalid CEL syntax at column 3: x"],
      require: ['"hr" is not a reviewer kind'],
      rule: ["colour is not a field of a rule"],
    });
  });
});
