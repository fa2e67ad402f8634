import { Stage } from "#contracts/pipeline";
import { stageMeta, TRANSITIONS } from "./labels";

/** A plain move's direction: forward along the pipeline, back to an earlier stage, or out of it (withdrawn). */
export type MoveDirection = "forward" | "back" | "withdraw";

export function moveDirection(from: Stage, to: Stage): MoveDirection {
  if (to === "withdrawn") return "withdraw";
  return Stage.options.indexOf(to) > Stage.options.indexOf(from) ? "forward" : "back";
}

/** How a move reads on a button or in a menu: "Submit", "Move to Planning", "Back to Planning", "Withdraw". */
export function moveLabel(from: Stage, to: Stage): string {
  if (to === "submitted") return "Submit";
  const direction = moveDirection(from, to);
  if (direction === "withdraw") return "Withdraw";
  return `${direction === "back" ? "Back to" : "Move to"} ${stageMeta[to].label}`;
}

/** One entry of a board card's menu: a plain move, or the request's page for steps that need more than a move. */
export type BoardCardAction = { kind: "move"; to: Stage; label: string } | { kind: "open"; label: string };

/**
 * The entries of a board card's menu, the next step forward first: the decision or value review on the request's
 * page where the step needs more than a move, then the forward moves, the moves back, and withdrawing last.
 * Never empty, so the menu always has menu items.
 */
export function boardCardActions(stage: Stage): BoardCardAction[] {
  const moves = TRANSITIONS[stage];
  const inDirection = (direction: MoveDirection): BoardCardAction[] =>
    moves
      .filter((to) => moveDirection(stage, to) === direction)
      .map((to) => ({ kind: "move", to, label: moveLabel(stage, to) }));
  const pageStep: BoardCardAction[] =
    stage === "decision"
      ? [{ kind: "open", label: "Decide on its page…" }]
      : stage === "value_review"
        ? [{ kind: "open", label: "Review its value on its page…" }]
        : [];
  const actions = [...pageStep, ...inDirection("forward"), ...inDirection("back"), ...inDirection("withdraw")];
  return actions.length > 0 ? actions : [{ kind: "open", label: "Open its page" }];
}

/** The moves a request may make, forward ones first, then back, then withdrawing: the next step leads. */
export function sortedMoves(from: Stage, moves: readonly Stage[]): Stage[] {
  const rank: Record<MoveDirection, number> = { forward: 0, back: 1, withdraw: 2 };
  return [...moves].sort((a, b) => rank[moveDirection(from, a)] - rank[moveDirection(from, b)]);
}
