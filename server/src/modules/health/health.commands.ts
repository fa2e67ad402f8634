// Health's public door: what Home, the demo seed and the benchmark may call.
export { readAlignment, readPartnershipGlance } from "./alignment.service";
export { launchScheduledPulses } from "./cadence.service";
export { closeDuePulses, closePulse, createPulse, finishPulse, launchPulse, respond, sideOf } from "./health.service";
export { computeSignals } from "./signals.service";
