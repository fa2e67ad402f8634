// Service levels' settings: the workspace's working calendars and the targets per priority class. An edit
// recounts the clocks of open requests at once.
import type { Priority } from "#contracts/pipeline";
import { compileCalendar, SlaInputError } from "#engines/sla";
import type { Ctx } from "../../context";
import { assertReferences } from "../../db/references";
import { AppError, assertFound, staleEdit } from "../../errors";
import { withUniqueField } from "../../lib/db-errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import { calendarFieldsOf, policyFieldsOf } from "./sla.fields";
import {
  clearDefaultCalendar,
  findCalendar,
  insertCalendar,
  listCalendars,
  listPolicies,
  updateCalendar,
  updatePolicy,
} from "./sla.queries";
import { refreshOpenClocks } from "./sla.service";

function calendarError(error: unknown): never {
  if (error instanceof SlaInputError) {
    // The engine names fields as holidays[3]; the API names them as Zod does, holidays.3.
    const path = error.field.replace(/\[(\d+)\]/g, ".$1");
    throw new AppError("validation_failed", error.message, [{ path, message: error.message }]);
  }
  throw error;
}

// Validates a calendar with the engine that will count on it: a bad time zone is a 400 naming the field.
function checkCalendar(fields: {
  timeZone: string;
  workingDays: number[];
  startTime: string;
  endTime: string;
  holidays: string[];
}) {
  try {
    compileCalendar({
      timeZone: fields.timeZone,
      workingDays: fields.workingDays,
      workingHours: { start: fields.startTime, end: fields.endTime },
      holidays: fields.holidays,
    });
  } catch (error) {
    calendarError(error);
  }
}

export async function listWorkspaceCalendars(ctx: Ctx) {
  authorize(ctx.actor, "calendar.read");
  const rows = await listCalendars(ctx.database.db, ctx.actor.workspaceId);
  return rows;
}

interface CalendarInput {
  name: string;
  timeZone: string;
  workingDays: number[];
  workingHours: { start: string; end: string };
  holidays: string[];
}

const columnsOfCalendar = (input: CalendarInput) => ({
  name: input.name,
  timeZone: input.timeZone,
  workingDays: [...new Set(input.workingDays)].sort(),
  startTime: input.workingHours.start,
  endTime: input.workingHours.end,
  holidays: [...new Set(input.holidays)].sort(),
});

export async function createCalendar(ctx: Ctx, input: CalendarInput & { isDefault: boolean }) {
  authorize(ctx.actor, "calendar.write");
  const columns = columnsOfCalendar(input);
  checkCalendar(columns);
  return ctx.database.db.transaction(async (tx) => {
    if (input.isDefault) await clearDefaultCalendar(tx, ctx.actor.workspaceId);
    const { id } = await withCalendarName(() =>
      insertCalendar(tx, {
        ...columns,
        workspaceId: ctx.actor.workspaceId,
        isDefault: input.isDefault,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      }),
    );
    await recordAudit(tx, originOf(ctx), {
      action: "calendar.created",
      entityType: "calendar",
      entityId: id,
      after: input,
    });
    return assertFound(await findCalendar(tx, ctx.actor.workspaceId, id), "Calendar");
  });
}

function withCalendarName<T>(write: () => Promise<T>) {
  return withUniqueField("name", "A calendar with this name already exists", write);
}

export async function editCalendar(
  ctx: Ctx,
  id: string,
  input: Partial<CalendarInput> & { version: number; isDefault?: true },
) {
  authorize(ctx.actor, "calendar.write");
  return ctx.database.db.transaction(async (tx) => {
    const current = assertFound(await findCalendar(tx, ctx.actor.workspaceId, id), "Calendar");
    const before = calendarFieldsOf(current);
    const merged: CalendarInput = {
      name: input.name ?? current.name,
      timeZone: input.timeZone ?? current.timeZone,
      workingDays: input.workingDays ?? current.workingDays,
      workingHours: input.workingHours ?? { start: current.startTime, end: current.endTime },
      holidays: input.holidays ?? current.holidays,
    };
    const columns = columnsOfCalendar(merged);
    checkCalendar(columns);
    if (input.isDefault && !current.isDefault) await clearDefaultCalendar(tx, ctx.actor.workspaceId);
    const updated = await withCalendarName(() =>
      updateCalendar(tx, ctx.actor.workspaceId, id, input.version, {
        ...columns,
        ...(input.isDefault ? { isDefault: true } : {}),
        updatedAt: ctx.now,
      }),
    );
    if (!updated) throw staleEdit("calendar");
    const saved = assertFound(await findCalendar(tx, ctx.actor.workspaceId, id), "Calendar");
    await recordAudit(tx, originOf(ctx), {
      action: "calendar.updated",
      entityType: "calendar",
      entityId: id,
      before,
      after: calendarFieldsOf(saved),
    });
    // Open requests counted on this calendar are held to the new hours at once.
    await refreshOpenClocks(tx, ctx.actor.workspaceId, ctx.now);
    return saved;
  });
}

export async function listSlaPolicies(ctx: Ctx) {
  authorize(ctx.actor, "sla.read");
  const rows = await listPolicies(ctx.database.db, ctx.actor.workspaceId);
  const order: Priority[] = ["crucial", "secondary", "nice_to_have"];
  return rows.sort((a, b) => order.indexOf(a.priority) - order.indexOf(b.priority));
}

export async function editSlaPolicy(
  ctx: Ctx,
  priority: Priority,
  input: {
    calendarId?: string;
    firstResponseMinutes?: number;
    decisionMinutes?: number;
    deliveryMinutes?: number;
    version: number;
  },
) {
  authorize(ctx.actor, "sla.update");
  return ctx.database.db.transaction(async (tx) => {
    const current = (await listPolicies(tx, ctx.actor.workspaceId)).find((row) => row.priority === priority);
    const before = policyFieldsOf(assertFound(current, "Service level"));
    await assertReferences(tx, ctx.actor.workspaceId, [{ path: "calendarId", kind: "calendar", id: input.calendarId }]);
    const { version, ...changes } = input;
    const updated = await updatePolicy(tx, ctx.actor.workspaceId, priority, version, {
      ...changes,
      updatedAt: ctx.now,
    });
    if (!updated) throw staleEdit("service level");
    const saved = (await listPolicies(tx, ctx.actor.workspaceId)).find((row) => row.priority === priority);
    const after = assertFound(saved, "Service level");
    await recordAudit(tx, originOf(ctx), {
      action: "sla.updated",
      entityType: "sla_policy",
      entityId: priority,
      before,
      after: policyFieldsOf(after),
    });
    await refreshOpenClocks(tx, ctx.actor.workspaceId, ctx.now);
    return after;
  });
}
