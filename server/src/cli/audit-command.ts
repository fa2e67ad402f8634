import fs from "node:fs";
import { z } from "zod";
import type { Database } from "../db/client";
import { type AuditAnchor, checkAuditAnchor, verifyAuditChain } from "../modules/audit/audit.commands";
import { parse, UsageError, withDatabase } from "./common";

const AnchorLine = z.object({
  anchoredAt: z.string(),
  workspaceId: z.string(),
  workspace: z.string().optional(),
  seq: z.number().int().positive(),
  hash: z.string(),
});

/** `tandem audit verify [--anchor FILE]` and `tandem audit anchor [--file FILE]`. */
export async function auditCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "verify") {
    const { values } = parse(rest, { anchor: { type: "string" } });
    const anchors = values.anchor === undefined ? [] : readAnchors(values.anchor);
    return withDatabase((_env, database) => verify(database, anchors), { mustExist: true });
  }
  if (sub === "anchor") {
    const { values } = parse(rest, { file: { type: "string" } });
    return withDatabase((_env, database) => anchor(database, values.file), { mustExist: true });
  }
  throw new UsageError("`tandem audit verify [--anchor FILE]` and `tandem audit anchor [--file FILE]` exist.");
}

async function listWorkspaces(database: Database) {
  return database.query<{ id: string; name: string }>("SELECT id, name FROM workspace ORDER BY name");
}

async function verify(database: Database, anchors: AuditAnchor[]): Promise<number> {
  const workspaces = await listWorkspaces(database);
  let broken = 0;
  for (const workspace of workspaces) {
    const result = await verifyAuditChain(database, workspace.id);
    if (!result.intact) {
      broken++;
      console.log(`✗ ${workspace.name}: broken at event ${result.firstBrokenSeq}: ${result.reason}`);
      continue;
    }
    const head = result.head ? `head ${result.head.seq} ${result.head.hash}` : "no events yet";
    console.log(`✓ ${workspace.name}: ${result.checked} events, chain intact; ${head}`);
  }
  if (workspaces.length === 0) console.log("No workspaces yet.");
  const names = new Map(workspaces.map((w) => [w.id, w.name]));
  let held = 0;
  for (const anchor of anchors) {
    const name = names.get(anchor.workspaceId);
    const problem = name === undefined ? "its workspace is gone" : await checkAuditAnchor(database, anchor);
    if (problem) {
      broken++;
      console.log(`✗ anchor of ${anchor.anchoredAt} (${name ?? anchor.workspaceId}, event ${anchor.seq}): ${problem}`);
    } else {
      held++;
    }
  }
  if (anchors.length > 0) console.log(`${held} of ${anchors.length} anchors held.`);
  return broken > 0 ? 1 : 0;
}

async function anchor(database: Database, file: string | undefined): Promise<number> {
  const anchoredAt = new Date().toISOString();
  const lines: string[] = [];
  let broken = 0;
  for (const workspace of await listWorkspaces(database)) {
    const result = await verifyAuditChain(database, workspace.id);
    if (!result.intact) {
      broken++;
      console.error(`✗ ${workspace.name}: not anchored, the chain is broken at event ${result.firstBrokenSeq}`);
      continue;
    }
    if (!result.head) continue;
    lines.push(JSON.stringify({ anchoredAt, workspaceId: workspace.id, workspace: workspace.name, ...result.head }));
  }
  const text = lines.map((line) => `${line}\n`).join("");
  if (file === undefined) process.stdout.write(text);
  else {
    fs.appendFileSync(file, text);
    console.log(`Appended ${lines.length} head${lines.length === 1 ? "" : "s"} to ${file}.`);
  }
  return broken > 0 ? 1 : 0;
}

function readAnchors(file: string): AuditAnchor[] {
  if (!fs.existsSync(file)) throw new Error(`No such anchor file: ${file}`);
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== "")
    .map(({ line, number }) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        parsed = null;
      }
      const anchor = AnchorLine.safeParse(parsed);
      if (!anchor.success) throw new Error(`${file} line ${number} is not an anchor written by tandem audit anchor.`);
      return anchor.data;
    });
}
