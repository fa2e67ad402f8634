import type { Integration, Tool } from "#contracts/stack";
import { judgeTool, ownerFactsOf } from "./stack.fields";
import type { findIntegration, ToolRow } from "./stack.queries";
import { cancelByDate, classifyTime, utilisation } from "./stack.rules";

function ownerOf(owner: ToolRow["businessOwner"]) {
  const facts = ownerFactsOf(owner);
  return facts ? { id: facts.id, name: facts.name, status: facts.status } : null;
}

/** A tool as the API shows it, with its TIME class, cancel-by date, utilisation, compliance and ownership gaps. */
export function presentTool(row: ToolRow, today: string): Tool {
  const { fields, compliance, ownershipGaps } = judgeTool(row, today);
  return {
    id: row.tool.id,
    ...fields,
    businessOwner: ownerOf(row.businessOwner),
    technicalOwner: ownerOf(row.technicalOwner),
    timeClass: classifyTime(fields.functionalFit, fields.technicalFit),
    utilisation: utilisation(fields.seatsBought, fields.seatsUsed),
    cancelBy: cancelByDate(fields.renewalDate, fields.noticeDays),
    compliance,
    ownershipGaps,
    archived: row.tool.archivedAt !== null,
    version: row.tool.version,
    createdAt: row.tool.createdAt.toISOString(),
    updatedAt: row.tool.updatedAt.toISOString(),
  } as Tool;
}

/** An integration as the API shows it. */
export function presentIntegration(row: NonNullable<Awaited<ReturnType<typeof findIntegration>>>): Integration {
  const { integration } = row;
  return {
    id: integration.id,
    from: row.from,
    to: row.to,
    dataObjects: integration.dataObjects,
    method: integration.method,
    direction: integration.direction,
    owner: row.owner,
    description: integration.description,
    version: integration.version,
    createdAt: integration.createdAt.toISOString(),
    updatedAt: integration.updatedAt.toISOString(),
  };
}
