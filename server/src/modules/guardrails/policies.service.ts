// Purchase policies as stored records (issue 15 item 5): every save a new version, one active policy per
// workspace, authors' test cases run on every save (a save that breaks one is refused, naming it).
import type { CreatePolicyBody, CreatePolicyTestBody, PolicyTest } from "#contracts/guardrails";
import type { PolicyRule } from "#contracts/policy";
import { type CompiledPolicy, evaluatePolicy, type PolicyResult } from "#engines/policy";
import type { Ctx } from "../../context";
import type { Tx } from "../../db/client";
import { AppError } from "../../errors";
import { authorize } from "../../policy";
import { originOf, recordAudit } from "../audit/audit.commands";
import {
  deactivatePolicies,
  deletePolicyTest,
  findPolicy,
  insertPolicy,
  insertPolicyTest,
  insertPolicyVersion,
  listPolicies,
  listPolicyTests,
  listPolicyVersions,
  type PolicyRow,
  type PolicyTestRow,
  type PolicyVersionRow,
  updatePolicy,
} from "./guardrails.queries";
import { compileBounded } from "./policy-evaluate.service";

type Expectation = CreatePolicyTestBody["expected"];

const compiled = new Map<string, CompiledPolicy>();

/** A stored version's rules compiled once (versions never change). */
export function compiledVersion(versionId: string, rules: unknown): CompiledPolicy {
  let policy = compiled.get(versionId);
  if (!policy) {
    policy = compileBounded({ rules: rules as unknown[] }, "");
    if (compiled.size > 500) compiled.clear();
    compiled.set(versionId, policy);
  }
  return policy;
}

/** Whether a result meets a test's expectation (reviews and matched only when the test names them). */
export function meets(result: PolicyResult, expected: Expectation): boolean {
  if (result.outcome !== expected.outcome) return false;
  if (expected.reviews && [...expected.reviews].sort().join(",") !== result.reviews.join(",")) return false;
  if (expected.matched && expected.matched.join(",") !== result.matched.join(",")) return false;
  return true;
}

function runTest(policy: CompiledPolicy, test: PolicyTestRow): PolicyTest {
  const input = test.input;
  const actual = evaluatePolicy(policy, { request: input.request, stack: input.stack ?? {} });
  const expected = test.expected;
  return {
    id: test.id,
    name: test.name,
    input,
    expected,
    actual,
    passes: meets(actual, expected),
    createdAt: test.createdAt.toISOString(),
  };
}

async function loadPolicy(tx: Tx, ctx: Ctx, id: string, lock = false): Promise<PolicyRow> {
  const row = await findPolicy(tx, ctx.actor.workspaceId, id, lock);
  if (!row) throw new AppError("not_found", "Policy not found");
  return row;
}

/** A stored policy with its versions (newest first, with their authors' names) and its current one. */
export interface PolicyView {
  row: PolicyRow;
  versions: Awaited<ReturnType<typeof listPolicyVersions>>;
  current: PolicyVersionRow;
}

// The views of some policies: every policy's versions in one query.
async function loadViews(tx: Tx, rows: readonly PolicyRow[]): Promise<PolicyView[]> {
  const all = await listPolicyVersions(
    tx,
    rows.map((row) => row.id),
  );
  return rows.map((row) => {
    const versions = all.filter(({ version }) => version.policyId === row.id);
    const current = versions.find(({ version }) => version.number === row.currentVersionNumber)?.version;
    if (!current) throw new AppError("internal_error", "A policy without its current version");
    return { row, versions, current };
  });
}

async function loadView(tx: Tx, row: PolicyRow): Promise<PolicyView> {
  const [view] = await loadViews(tx, [row]);
  return view;
}

/** The workspace's policies (the active one first). */
export async function listWorkspacePolicies(ctx: Ctx) {
  authorize(ctx.actor, "policy.read");
  const db = ctx.database.db;
  return { items: await loadViews(db, await listPolicies(db, ctx.actor.workspaceId)) };
}

/** One policy with its current rules and versions. */
export async function getPolicy(ctx: Ctx, id: string) {
  authorize(ctx.actor, "policy.read");
  return loadView(ctx.database.db, await loadPolicy(ctx.database.db, ctx, id));
}

/** Creates a policy at version 1; the workspace's first policy becomes the active one. */
export async function createPolicy(ctx: Ctx, input: CreatePolicyBody) {
  authorize(ctx.actor, "policy.write");
  compileBounded({ rules: input.rules }, "");
  return ctx.database.db.transaction(async (tx) => {
    const existing = await listPolicies(tx, ctx.actor.workspaceId);
    const row = await insertPolicy(tx, {
      workspaceId: ctx.actor.workspaceId,
      name: input.name,
      active: existing.length === 0,
      currentVersionNumber: 1,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    const version = await insertPolicyVersion(tx, {
      workspaceId: ctx.actor.workspaceId,
      policyId: row.id,
      number: 1,
      rules: input.rules,
      createdById: ctx.actor.userId,
      createdAt: ctx.now,
    });
    await recordAudit(tx, originOf(ctx), {
      action: "policy.created",
      entityType: "purchase_policy",
      entityId: row.id,
      after: { name: input.name, version: version.number, rules: input.rules, active: row.active },
    });
    return loadView(tx, row);
  });
}

/** Saves the rules as the policy's next version; refused (409) when a test case fails under them. */
export async function savePolicy(ctx: Ctx, id: string, input: { rules: PolicyRule[]; version: number }) {
  authorize(ctx.actor, "policy.write");
  const policy = compileBounded({ rules: input.rules }, "rules.");
  return ctx.database.db.transaction(async (tx) => {
    const row = await loadPolicy(tx, ctx, id, true);
    if (row.version !== input.version) {
      throw new AppError("conflict", "Someone saved this policy meanwhile; reload and try again");
    }
    const failing = (await listPolicyTests(tx, id)).map((test) => runTest(policy, test)).filter((t) => !t.passes);
    if (failing.length > 0) {
      throw new AppError(
        "invalid_state",
        `The policy breaks ${failing.length} test case(s): ${failing.map((t) => t.name).join(", ")}`,
        failing.map((t) => ({
          path: `tests.${t.id}`,
          message: `${t.name}: expected ${t.expected.outcome}, got ${t.actual.outcome}${
            t.actual.reviews.length > 0 ? ` (${t.actual.reviews.join(", ")})` : ""
          }`,
        })),
      );
    }
    const number = row.currentVersionNumber + 1;
    await insertPolicyVersion(tx, {
      workspaceId: ctx.actor.workspaceId,
      policyId: id,
      number,
      rules: input.rules,
      createdById: ctx.actor.userId,
      createdAt: ctx.now,
    });
    await updatePolicy(tx, id, { currentVersionNumber: number, updatedAt: ctx.now, version: row.version + 1 });
    await recordAudit(tx, originOf(ctx), {
      action: "policy.saved",
      entityType: "purchase_policy",
      entityId: id,
      before: { version: row.currentVersionNumber },
      after: { version: number, rules: input.rules },
    });
    return loadView(tx, await loadPolicy(tx, ctx, id));
  });
}

/** Makes this policy the workspace's active one. */
export async function activatePolicy(ctx: Ctx, id: string, input: { version: number }) {
  authorize(ctx.actor, "policy.write");
  return ctx.database.db.transaction(async (tx) => {
    const row = await loadPolicy(tx, ctx, id, true);
    if (row.version !== input.version) {
      throw new AppError("conflict", "Someone saved this policy meanwhile; reload and try again");
    }
    await deactivatePolicies(tx, ctx.actor.workspaceId);
    await updatePolicy(tx, id, { active: true, updatedAt: ctx.now, version: row.version + 1 });
    await recordAudit(tx, originOf(ctx), {
      action: "policy.activated",
      entityType: "purchase_policy",
      entityId: id,
      after: { active: true },
    });
    return loadView(tx, await loadPolicy(tx, ctx, id));
  });
}

/** The current rules of a policy, compiled. */
export async function currentCompiled(tx: Tx, ctx: Ctx, id: string) {
  const { current } = await loadView(tx, await loadPolicy(tx, ctx, id));
  return compiledVersion(current.id, current.rules);
}

/** A policy's test cases with what the current version yields. */
export async function listTests(ctx: Ctx, id: string) {
  authorize(ctx.actor, "policy.read");
  const db = ctx.database.db;
  const policy = await currentCompiled(db, ctx, id);
  return { items: (await listPolicyTests(db, id)).map((test) => runTest(policy, test)) };
}

/** Adds a test case (admins); the answer says whether the current version passes it. */
export async function addTest(ctx: Ctx, id: string, input: CreatePolicyTestBody) {
  authorize(ctx.actor, "policy.write");
  return ctx.database.db.transaction(async (tx) => {
    const policy = await currentCompiled(tx, ctx, id);
    const row = await insertPolicyTest(tx, {
      workspaceId: ctx.actor.workspaceId,
      policyId: id,
      name: input.name,
      input: input.input,
      expected: input.expected,
      createdAt: ctx.now,
    });
    await recordAudit(tx, originOf(ctx), {
      action: "policy.test_added",
      entityType: "purchase_policy",
      entityId: id,
      after: { test: row.id, name: input.name, expected: input.expected },
    });
    return runTest(policy, row);
  });
}

/** Removes a test case (admins). */
export async function removeTest(ctx: Ctx, id: string, testId: string) {
  authorize(ctx.actor, "policy.write");
  await ctx.database.db.transaction(async (tx) => {
    await loadPolicy(tx, ctx, id);
    if (!(await deletePolicyTest(tx, id, testId))) throw new AppError("not_found", "Test case not found");
    await recordAudit(tx, originOf(ctx), {
      action: "policy.test_removed",
      entityType: "purchase_policy",
      entityId: id,
      before: { test: testId },
    });
  });
}
