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
  /** A request's people. */
  requesterId?: string;
  sponsorId?: string | null;
  itPartnerId?: string | null;
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
  // A backup holds the whole installation; the service also requires it to hold this workspace only.
  "backup.create": isAdmin,
  "tool.read": anyone,
  "tool.create": isWriter,
  "tool.update": isWriter,
  "tool.archive": isWriter,
  "integration.read": anyone,
  "integration.write": isWriter,
  "view.read": anyone,
  "view.create": anyone,
  // A shared view may be removed by its owner or an admin; a personal one only by its owner.
  "view.delete": isSelfOrAdmin,
  "taxonomy.update": isAdmin,
  "discovery.read": anyone,
  "discovery.import": isWriter,
  "discovery.adopt": isWriter,
  // A feed address is a credential: managed from a browser session only, like API tokens.
  "calendarFeed.manage": bySession(anyone),
  "stats.analyze": anyone,
  "policy.evaluate": anyone,
  // Guardrails: everyone reads the purchase policy, its tests and the reviews; admins write the policy, its tests,
  // the review templates and the currency table; a review is decided by a member of a team of its kind or an admin
  // (the service checks the kind).
  "policy.read": anyone,
  "policy.write": isAdmin,
  "purchaseReview.read": anyone,
  "purchaseReview.decide": isWriter,
  "reviewTemplate.update": isAdmin,
  "request.read": anyone,
  "request.create": isWriter,
  "request.update": isWriter,
  "request.transition": isWriter,
  "request.decide": isWriter,
  "request.comment": isWriter,
  "request.watch": anyone,
  "request.rank": isWriter,
  "raciTemplate.read": anyone,
  "raciTemplate.update": isAdmin,
  "pipelineSettings.read": anyone,
  "pipelineSettings.update": isAdmin,
  "calendar.read": anyone,
  "calendar.write": isAdmin,
  "sla.read": anyone,
  "sla.update": isAdmin,
  // Value: budgets belong to marketing and finance, so their members (and admins) keep the spend ledger;
  // any writer may load outcomes and journeys and run attribution; everyone reads.
  "spend.read": anyone,
  "spend.write": (actor) =>
    actor.role === "admin" ||
    (actor.role === "member" && (actor.teamKind === "marketing" || actor.teamKind === "finance")),
  "journey.read": anyone,
  "journey.write": isWriter,
  "attribution.read": anyone,
  "attribution.run": isWriter,
  // A run is stopped by the person who started it or an admin (a newer run of the same period stops it too).
  "attribution.cancel": isSelfOrAdmin,
  "experiment.read": anyone,
  "experiment.create": isWriter,
  "experiment.update": isWriter,
  "experiment.transition": isWriter,
  "experiment.results": isWriter,
  // Whoever owns the experiment decides it (subject.userId is its owner), or an admin.
  "experiment.decide": (actor, subject) =>
    isAdmin(actor, subject) || (isWriter(actor, subject) && isSelf(actor, subject)),
  // Scorecard: everyone reads the objectives and KPIs both sides are measured on; members and admins of either side
  // set them, check in, import and recompute (a push by API needs a read-write token).
  "objective.read": anyone,
  "objective.create": isWriter,
  "objective.update": isWriter,
  "kpi.read": anyone,
  "kpi.create": isWriter,
  "kpi.update": isWriter,
  "kpi.measure": isWriter,
  "kpi.import": isWriter,
  "kpi.recompute": isWriter,
  "segment.read": anyone,
  "segment.write": isWriter,
  // Glossary: everyone reads and annotates; members and admins write terms, import and resolve clashes; approving
  // is for the two sides (a person of a marketing or an IT team), whose two approvals make a term approved.
  "glossary.read": anyone,
  "glossary.write": isWriter,
  "glossary.approve": (actor) => isWriter(actor, {}) && (actor.teamKind === "marketing" || actor.teamKind === "it"),
  "glossary.starter": isAdmin,
  // Job swaps: everyone reads the programme; members and admins pair people and plan; each of the two writes their own
  // reflection whatever their role (the service checks it is theirs and the period ended).
  "jobSwap.read": anyone,
  "jobSwap.write": isWriter,
  "jobSwap.reflect": anyone,
  // Search is open to everyone signed in; each kind of record is then filtered by its own read rule.
  "search.read": anyone,
  // Home gathers what each module shows its readers; each figure is filtered by its module's read rule.
  "home.read": anyone,
  // Rituals: everyone reads the meetings, agendas, outcomes and commitments; members and admins of any team run
  // them (series, occurrences, agenda items, outcomes, action items).
  "ritual.read": anyone,
  "meetingSeries.write": isWriter,
  "meeting.write": isWriter,
  "agenda.write": isWriter,
  "outcome.write": isWriter,
  "actionItem.write": isWriter,
  // Health: everyone reads the aggregated index (never a single answer); admins manage the bank and the pulses
  // (k is set when a pulse is created); the people of the two sides (marketing, IT and security) answer.
  "health.read": anyone,
  "health.manage": isAdmin,
  "health.respond": (actor) =>
    actor.teamKind === "marketing" || actor.teamKind === "it" || actor.teamKind === "security",
} satisfies Record<string, Rule>;

/** An action a policy rule governs. */
export type Action = keyof typeof rules;

export const isItSide = (actor: Actor) => actor.teamKind === "it" || actor.teamKind === "security";
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

/** The request fields its requester and sponsor set. */
export const REQUEST_INTAKE_FIELDS = [
  "type",
  "title",
  "problem",
  "outcome",
  "beneficiaries",
  "objectives",
  "deadline",
  "deadlineReason",
  "dataClasses",
  "expectedBenefit",
  "softHours",
  "hourlyRate",
  "costEstimate",
  "currency",
  "confidence",
  "sponsorId",
  "teamId",
  "purchase",
  "successMeasure",
] as const;

/** The request fields triage sets: the class, the IT partner and the score's inputs. */
export const REQUEST_TRIAGE_FIELDS = [
  "priority",
  "itPartnerId",
  "reach",
  "valueScore",
  "urgencyScore",
  "riskScore",
  "effort",
] as const;

/** IT's part of the case, written with everyone: any writer may add to it. */
export const REQUEST_PLANNING_FIELDS = [
  "architectureNotes",
  "integrationNotes",
  "securityNotes",
  "complianceNotes",
  "toolIds",
  // The request template's technical view, and which meaning a clashing term has: written with everyone too.
  "systems",
  "dataNeeds",
  "nonFunctionalNeeds",
  "termMeanings",
] as const;

// The requester and sponsor own the intake; IT (its teams and the request's IT partner) triages; admins do both.
function requestFields(actor: Actor, subject: Subject): readonly string[] {
  const admin = actor.role === "admin";
  const allowed: string[] = [...REQUEST_PLANNING_FIELDS];
  const itPartner = subject.itPartnerId === actor.userId;
  if (admin || subject.requesterId === actor.userId || subject.sponsorId === actor.userId || itPartner) {
    allowed.push(...REQUEST_INTAKE_FIELDS);
  }
  if (admin || isItSide(actor) || itPartner) allowed.push(...REQUEST_TRIAGE_FIELDS);
  return allowed;
}

/** Which fields of a record each role may set, by action: absent fields are refused. */
const fields: Partial<Record<Action, (actor: Actor, subject: Subject) => readonly string[]>> = {
  "tool.create": toolFields,
  "tool.update": toolFields,
  "request.update": requestFields,
  "user.update": (actor, subject) => {
    if (actor.role === "admin") {
      // An admin edits anyone's name, team and role; their own role and status only through another admin.
      return isSelf(actor, subject) ? ["name", "teamId", "emailNotifications"] : ["name", "teamId", "role", "status"];
    }
    // Whether one's notifications are emailed is one's own choice.
    return isSelf(actor, subject) ? ["name", "emailNotifications"] : [];
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
