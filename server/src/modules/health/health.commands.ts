// Health's public door: what Home, the demo seed and the benchmark may call. Pulses leave it presented, as the
// routes answer them.
import type { CreateSurveyBody, Survey } from "#contracts/health";
import type { Ctx } from "../../context";
import { presentSurvey } from "./health.presenter";
import { closePulse as close, createPulse as create, launchPulse as launch } from "./health.service";

export { readAlignment, readPartnershipGlance } from "./alignment.service";
export { launchScheduledPulses } from "./cadence.service";
export { closeDuePulses, finishPulse, respond, sideOf } from "./health.service";
export { computeSignals } from "./signals.service";

/** A draft pulse for both teams (admins); without `itemIds` the rotation picks them. */
export async function createPulse(ctx: Ctx, input: CreateSurveyBody): Promise<Survey> {
  return presentSurvey(await create(ctx, input));
}

/** Launches a draft: k locked, its items live, both teams invited (admins). */
export async function launchPulse(ctx: Ctx, id: string, version: number): Promise<Survey> {
  return presentSurvey(await launch(ctx, id, version));
}

/** Closes an open pulse (admins). */
export async function closePulse(ctx: Ctx, id: string, version: number): Promise<Survey> {
  return presentSurvey(await close(ctx, id, version));
}
