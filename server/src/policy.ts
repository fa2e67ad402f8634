import type { Actor } from "./context";
import { AppError } from "./errors";

/** What a policy rule may look at besides the actor: the record acted on. */
export interface Subject {
  workspaceId?: string;
  /** The user a record belongs to (a session's, a token's owner) or the user itself. */
  userId?: string;
  /** A tool's owners. */
  businessOwnerId?: string | null;
  technicalOwnerId?: string | null;
}

type Rule = (actor: Actor, subject: Subject) => boolean;

const isAdmin: Rule = (actor) => actor.role === "admin";
const isWriter: Rule = (actor) => actor.role === "admin" || actor.role === "member";
const anyone: Rule = () => true;
const isSelf: Rule = (actor, subject) => subject.userId === actor.userId;
const isSelfOrAdmin: Rule = (actor, subject) => isSelf(actor, subject) || isAdmin(actor, subject);
// Credentials are managed from a browser session only: a stolen API token cannot mint or revoke others.
const bySession =
  (rule: Rule): Rule =>
  (actor, subject) =>
    actor.via === "session" && rule(actor, subject);

/**
 * Every action in Tandem and who may take it. Object-level scoping (the same workspace) is checked
 * for every action before its rule; field-level rules live in the `fields` table below.
 */
const rules = {
  "workspace.read": anyone,
  "user.list": anyone,
  "user.read": anyone,
  "user.update": isSelfOrAdmin,
  "user.changePassword": bySession(isSelf),
  "team.list": anyone,
  "team.create": isAdmin,
  "team.update": isAdmin,
  "invitation.list": isAdmin,
  "invitation.create": isAdmin,
  "invitation.revoke": isAdmin,
  "session.list": bySession(isSelfOrAdmin),
  "session.revoke": bySession(isSelfOrAdmin),
  "token.list": bySession(isSelfOrAdmin),
  "token.create": bySession(isSelf),
  "token.revoke": bySession(isSelfOrAdmin),
  "audit.read": isAdmin,
  "audit.verify": isAdmin,
  "tool.read": anyone,
  "tool.create": isWriter,
  "tool.update": isWriter,
  "tool.archive": isWriter,
  "integration.read": anyone,
  "integration.write": isWriter,
  "stats.analyze": anyone,
} satisfies Record<string, Rule>;

/** An action a policy rule governs. */
export type Action = keyof typeof rules;

const isItSide = (actor: Actor) => actor.teamKind === "it" || actor.teamKind === "security";
const isMarketingSide = (actor: Actor) => actor.teamKind === "marketing";

// A tool's fields that only one side decides: the rest any writer may edit.
function toolFields(actor: Actor, subject: Subject): readonly string[] {
  const admin = actor.role === "admin";
  const allowed: string[] = [...TOOL_SHARED_FIELDS];
  // Functional fit is the business side's judgement, technical fit IT's; status (sanctioning) is IT's call.
  if (admin || isMarketingSide(actor) || subject.businessOwnerId === actor.userId) allowed.push("functionalFit");
  if (admin || isItSide(actor) || subject.technicalOwnerId === actor.userId) allowed.push("technicalFit");
  if (admin || isItSide(actor)) allowed.push("status");
  return allowed;
}

/** The tool fields every writer may set. */
export const TOOL_SHARED_FIELDS = [
  "name",
  "vendor",
  "description",
  "url",
  "category",
  "subcategory",
  "capabilities",
  "lifecycle",
  "lifecycleDates",
  "businessOwnerId",
  "technicalOwnerId",
  "annualCost",
  "seatsBought",
  "seatsUsed",
  "contractStart",
  "renewalDate",
  "noticeDays",
  "autoRenew",
  "dataClasses",
  "sso",
  "dpaSigned",
  "securityReviewDate",
  "securityReviewExpiry",
  "certifications",
  "hostingRegion",
] as const;

/** Which fields of a record each role may set, by action: absent fields are refused. */
const fields: Partial<Record<Action, (actor: Actor, subject: Subject) => readonly string[]>> = {
  "tool.create": toolFields,
  "tool.update": toolFields,
  "user.update": (actor, subject) => {
    if (actor.role === "admin") {
      // An admin edits anyone's name, team and role; their own role and status only through another admin.
      return isSelf(actor, subject) ? ["name", "teamId"] : ["name", "teamId", "role", "status"];
    }
    return isSelf(actor, subject) ? ["name"] : [];
  },
};

/** Whether the actor may take the action on the subject. */
export function can(actor: Actor, action: Action, subject: Subject = {}): boolean {
  if (subject.workspaceId !== undefined && subject.workspaceId !== actor.workspaceId) return false;
  return rules[action](actor, subject);
}

/**
 * Throws `forbidden` unless the actor may take the action. A record of another workspace is
 * answered as `not_found`: its existence is none of the actor's business.
 */
export function authorize(actor: Actor, action: Action, subject: Subject = {}, changedFields: string[] = []): void {
  if (subject.workspaceId !== undefined && subject.workspaceId !== actor.workspaceId) {
    throw new AppError("not_found", "Not found");
  }
  if (!rules[action](actor, subject)) throw new AppError("forbidden", `Your role does not allow ${action}`);
  const allowed = fields[action]?.(actor, subject);
  if (allowed) {
    const refused = changedFields.filter((field) => !allowed.includes(field));
    if (refused.length > 0) {
      throw new AppError(
        "forbidden",
        `You may not change ${refused.join(", ")}`,
        refused.map((field) => ({ path: field, message: "may not be changed by you" })),
      );
    }
  }
}
