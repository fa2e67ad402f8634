import type { Me } from "#contracts/auth";
import type { PipelineRequest } from "#contracts/pipeline";

/** What the signed-in person may do on a request, mirroring the server's rules (the server still decides). */
export interface RequestPermissions {
  canWrite: boolean;
  isAdmin: boolean;
  isRequester: boolean;
  /** Triage fields, the decision, waiting on the requester. */
  canTriage: boolean;
  canEditIntake: boolean;
  canEditRaci: boolean;
  canReview: boolean;
}

/** Whether the person is on the IT or security side. */
export function isItSide(me: Me): boolean {
  return me.team.kind === "it" || me.team.kind === "security";
}

/** The person's permissions on one request. */
export function requestPermissionsOf(me: Me, request: PipelineRequest): RequestPermissions {
  const canWrite = me.user.role !== "viewer";
  const isAdmin = me.user.role === "admin";
  const isRequester = request.requester.id === me.user.id;
  const isSponsor = request.sponsor?.id === me.user.id;
  const isItPartner = request.itPartner?.id === me.user.id;
  return {
    canWrite,
    isAdmin,
    isRequester,
    canTriage: canWrite && (isAdmin || isItSide(me) || isItPartner),
    canEditIntake: canWrite && (isAdmin || isRequester || isSponsor || isItPartner),
    canEditRaci: canWrite && (isAdmin || isRequester || isSponsor || isItPartner || isItSide(me)),
    canReview: canWrite && (isAdmin || isRequester || isSponsor || isItPartner),
  };
}
