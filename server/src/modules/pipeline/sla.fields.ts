// A calendar's and a service level's stored columns in the shape the API shows them (the audit's before and after,
// and the presenter's answer).
import type { SlaPolicy, WorkCalendar } from "#contracts/pipeline";
import type { CalendarRow, PolicyRow } from "./sla.queries";

/** A stored working calendar as the API shows it. */
export function calendarFieldsOf(row: CalendarRow): WorkCalendar {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    workingDays: row.workingDays,
    workingHours: { start: row.startTime, end: row.endTime },
    holidays: row.holidays,
    isDefault: row.isDefault,
    version: row.version,
  };
}

/** A stored priority class's targets as the API shows them. */
export function policyFieldsOf(row: PolicyRow): SlaPolicy {
  return {
    priority: row.priority,
    calendarId: row.calendarId,
    firstResponseMinutes: row.firstResponseMinutes,
    decisionMinutes: row.decisionMinutes,
    deliveryMinutes: row.deliveryMinutes,
    version: row.version,
  };
}
