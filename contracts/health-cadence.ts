// Health's pulse cadence: when pulses launch on their own, and how long the rotation takes to ask the bank.
import { z } from "zod";
import { PlanDate, Timestamp, Version } from "./common";
import { HealthLimits } from "./health-criteria";

/** How often pulses launch on their own: never, every two weeks, or monthly. */
export const PulseCadenceKind = z.enum(["off", "every_2_weeks", "monthly"]);
export type PulseCadenceKind = z.infer<typeof PulseCadenceKind>;

/** Limits of the cadence's settings (a pulse stays open at most until the next one launches). */
export const CadenceLimits = {
  lengthDaysMin: 1,
  lengthDaysDefault: 10,
  /** The longest a pulse may stay open per cadence: the days between two launches. */
  lengthDaysMax: { every_2_weeks: 14, monthly: 28 },
  /** Launches in any quarter (13 weeks) per cadence (as `engines/alignment` counts them). */
  pulsesPerQuarter: { every_2_weeks: 6, monthly: 3 },
  /** Monthly cannot cover the bank within a quarter: its default asks the most items a pulse allows. */
  itemsPerPulseDefault: 8,
} as const;

/**
 * `PUT /api/v1/pulse-cadence` (admins): the cadence, the day of its first launch (every launch day follows from it:
 * every 14 days, or the same day of each month, the month's last day when shorter), and the k, items per pulse and
 * days open that each launched pulse gets (k locked at each launch, as for a pulse launched by hand).
 */
export const UpdatePulseCadenceBody = z
  .strictObject({
    version: Version,
    cadence: PulseCadenceKind,
    startsOn: PlanDate.nullable(),
    k: z.number().int().min(HealthLimits.kMin).max(HealthLimits.kMax),
    itemsPerPulse: z.number().int().min(HealthLimits.itemsPerPulseMin).max(HealthLimits.itemsPerPulseMax),
    lengthDays: z.number().int().min(CadenceLimits.lengthDaysMin).max(CadenceLimits.lengthDaysMax.monthly),
  })
  .superRefine((body, context) => {
    if (body.cadence === "off") return;
    if (body.startsOn === null) {
      context.addIssue({ code: "custom", path: ["startsOn"], message: "is required when pulses launch on a cadence" });
    }
    const max = CadenceLimits.lengthDaysMax[body.cadence];
    if (body.lengthDays > max) {
      context.addIssue({
        code: "custom",
        path: ["lengthDays"],
        message: `must be at most ${max} days: a pulse closes before the next one launches`,
      });
    }
  });
export type UpdatePulseCadenceBody = z.infer<typeof UpdatePulseCadenceBody>;

/** `GET /api/v1/pulse-cadence`: the settings, the next launch day, and how long the rotation takes to ask the bank. */
export const PulseCadence = z.object({
  cadence: PulseCadenceKind,
  startsOn: PlanDate.nullable(),
  k: z.number().int(),
  itemsPerPulse: z.number().int(),
  lengthDays: z.number().int(),
  /** The day the next pulse launches (the hourly job launches it that day); null when off. */
  nextPulseOn: PlanDate.nullable(),
  coverage: z.object({
    /** Active criterion items in rotation (the outcome item is asked every pulse besides). */
    items: z.number().int(),
    /** Every item is asked at least once in any this many consecutive pulses. */
    pulsesToCover: z.number().int(),
    /** Launches the cadence makes in any quarter (null when off). */
    pulsesPerQuarter: z.number().int().nullable(),
    /** Whether the whole bank is asked within each quarter (null when off). */
    coveredInQuarter: z.boolean().nullable(),
  }),
  version: Version,
  updatedAt: Timestamp.nullable(),
});
export type PulseCadence = z.infer<typeof PulseCadence>;
