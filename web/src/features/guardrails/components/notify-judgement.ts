import { notifications } from "@mantine/notifications";
import type { PipelineRequest } from "#contracts/pipeline";
import { outcomeMeta, reviewersInWords } from "../labels";

/** Says the purchase policy's answer the moment a purchase is submitted (the request page shows it in full). */
export function notifyJudgement(request: PipelineRequest): void {
  const judgement = request.policyJudgement;
  if (!judgement) return;
  const { outcome, reviews, explanation } = judgement.result;
  const why = explanation.map((entry) => entry.text).join("; ");
  const detail =
    outcome === "review"
      ? `${reviewersInWords(reviews)} ${reviews.length > 1 ? "review" : "reviews"} it now.${why ? ` ${why}.` : ""}`
      : why || (outcome === "approve" ? "The tool is in the Stack, in phase-in." : "See the request for why.");
  // One line without a title: a titled notification dims its text below the contrast bar.
  notifications.show({
    color: outcomeMeta[outcome].color,
    message: `${request.reference}: ${outcomeMeta[outcome].verdict.toLowerCase()}. ${detail}`,
  });
}
