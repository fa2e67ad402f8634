import type { StoredPolicy } from "#contracts/guardrails";
import type { PolicyView } from "./policies.service";

/** A stored policy with its current rules and every version, as the API answers it. */
export function presentPolicy({ row, versions, current }: PolicyView): StoredPolicy {
  const info = versions.map(({ version, authorName }) => ({
    id: version.id,
    number: version.number,
    createdBy: version.createdById && authorName ? { id: version.createdById, name: authorName } : null,
    createdAt: version.createdAt.toISOString(),
  }));
  return {
    id: row.id,
    name: row.name,
    active: row.active,
    currentVersion: info.find((v) => v.id === current.id) ?? info[0],
    rules: current.rules,
    versions: info,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A policy in the list: without its rules and versions. */
export function presentPolicySummary(view: PolicyView) {
  const { rules: _rules, versions: _versions, ...rest } = presentPolicy(view);
  return rest;
}
