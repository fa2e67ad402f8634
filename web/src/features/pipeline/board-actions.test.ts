import { describe, expect, it } from "vitest";
import { Stage } from "../../../../contracts/pipeline";
import { boardCardActions } from "./board-actions";

describe("a board card's menu", () => {
  it("always has a menu item, so role=menu never stands empty or holds only a label", () => {
    for (const stage of Stage.options) expect(boardCardActions(stage).length, stage).toBeGreaterThan(0);
  });

  it("offers the plain moves, and the page where the step needs more than a move", () => {
    expect(boardCardActions("triage").map((action) => action.label)).toEqual(["Move to Planning", "Move to Withdrawn"]);
    expect(boardCardActions("decision").at(-1)).toEqual({ kind: "open", label: "Decide on its page…" });
    expect(boardCardActions("value_review")).toEqual([{ kind: "open", label: "Review its value on its page…" }]);
  });
});
