// The Audit log's public door: every module records its changes here (in its own transaction) and reads a
// record's history.
export { presentAuditEvent } from "./audit.presenter";
export {
  type AuditAnchor,
  type AuditChange,
  type AuditOrigin,
  checkAuditAnchor,
  listRecordHistory,
  originOf,
  readAuditSeq,
  recordAudit,
  verifyAuditChain,
} from "./audit.service";
