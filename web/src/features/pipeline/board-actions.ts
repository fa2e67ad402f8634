import type { Stage } from "../../../../contracts/pipeline";
import { stageMeta, TRANSITIONS } from "./labels";

/** One entry of a board card's menu: a plain move, or the request's page for steps that need more than a move. */
export type BoardCardAction = { kind: "move"; to: Stage; label: string } | { kind: "open"; label: string };

/**
 * The entries of a board card's menu: every plain move from its stage, then its page when the next step needs it
 * (a decision, a value review) or when there is no plain move. Never empty, so the menu always has menu items.
 */
export function boardCardActions(stage: Stage): BoardCardAction[] {
  const moves: BoardCardAction[] = TRANSITIONS[stage].map((to) => ({
    kind: "move",
    to,
    label: `Move to ${stageMeta[to].label}`,
  }));
  if (stage === "decision") return [...moves, { kind: "open", label: "Decide on its page…" }];
  if (stage === "value_review") return [...moves, { kind: "open", label: "Review its value on its page…" }];
  return moves.length > 0 ? moves : [{ kind: "open", label: "Open its page" }];
}
