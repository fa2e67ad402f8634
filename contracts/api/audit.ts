import { AuditActions, AuditList, AuditListQuery, AuditVerification } from "../audit";
import { defineRoute } from "../route";

const tags = ["audit"];

/** The audit log (admins). */
export const auditApi = {
  list: defineRoute({
    method: "GET",
    path: "/audit",
    tags,
    summary: "The audit log, newest first",
    query: AuditListQuery,
    response: { 200: AuditList },
  }),
  actions: defineRoute({
    method: "GET",
    path: "/audit/actions",
    tags,
    summary: "Every action the log holds",
    response: { 200: AuditActions },
  }),
  verify: defineRoute({
    method: "GET",
    path: "/audit/verify",
    tags,
    summary: "Re-compute the hash chain",
    response: { 200: AuditVerification },
  }),
};
