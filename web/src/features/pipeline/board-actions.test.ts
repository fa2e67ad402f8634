import { describe, expect, it } from "vitest";
import { Stage } from "#contracts/pipeline";
import { boardCardActions, moveDirection, moveLabel, sortedMoves } from "./board-actions";

describe("a board card's menu", () => {
  it("always has a menu item, so role=menu never stands empty or holds only a label", () => {
    for (const stage of Stage.options) expect(boardCardActions(stage).length, stage).toBeGreaterThan(0);
  });

  it("puts the next step forward first, then the moves back, and withdrawing last", () => {
    expect(boardCardActions("triage").map((action) => action.label)).toEqual(["Move to Planning", "Withdraw"]);
    expect(boardCardActions("planning").map((action) => action.label)).toEqual([
      "Move to Decision",
      "Back to Triage",
      "Withdraw",
    ]);
    expect(boardCardActions("decision").map((action) => action.label)).toEqual([
      "Decide on its page…",
      "Back to Planning",
      "Withdraw",
    ]);
    expect(boardCardActions("value_review")).toEqual([{ kind: "open", label: "Review its value on its page…" }]);
  });
});

describe("a move's direction and label", () => {
  it("reads forward, back or withdraw from the pipeline's order", () => {
    expect(moveDirection("planning", "decision")).toBe("forward");
    expect(moveDirection("decision", "planning")).toBe("back");
    expect(moveDirection("delivery", "withdrawn")).toBe("withdraw");
    expect(moveLabel("draft", "submitted")).toBe("Submit");
    expect(moveLabel("decision", "planning")).toBe("Back to Planning");
    expect(moveLabel("delivery", "delivered")).toBe("Move to Delivered");
  });
});

describe("a request's next steps", () => {
  it("lead with the step forward", () => {
    expect(sortedMoves("planning", ["withdrawn", "triage", "decision"])).toEqual(["decision", "triage", "withdrawn"]);
    expect(sortedMoves("decision", ["planning", "withdrawn"])).toEqual(["planning", "withdrawn"]);
  });
});
