import { Writable } from "node:stream";
import Fastify from "fastify";
import { expect, it } from "vitest";
import { describeWithApp } from "../../test/app";
import { buildWorkspace } from "../../test/factories";
import { serverLoggerOptions } from "../main";
import { insertUser } from "../modules/users/users.queries";
import { safeErrorMessage } from "./safe-error";

describeWithApp("errors of failed queries", (get) => {
  it("reach neither a terminal nor the log with their SQL or parameters", async () => {
    const t = get();
    const ws = await buildWorkspace(t);
    const secret = "$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0LXNhbHQ$not-a-real-hash";
    const user = {
      workspaceId: ws.workspace.id,
      teamId: ws.teamOf("it").id,
      email: "twice@example.com",
      name: "Twice",
      passwordHash: secret,
      role: "admin" as const,
    };
    await insertUser(t.database.db, user);
    const failure = await insertUser(t.database.db, user).then(
      () => null,
      (error: unknown) => error,
    );
    // As the database driver reports it, the failure carries the statement and the hash.
    expect(String((failure as Error).message)).toContain(secret);

    const message = safeErrorMessage(failure);
    expect(message).toMatch(/^database error \(23505\): duplicate key value violates unique constraint/);
    expect(message).not.toContain(secret);

    let logged = "";
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logged += chunk;
        done();
      },
    });
    const logging = Fastify({ logger: { ...serverLoggerOptions("info"), stream: sink } });
    logging.log.error({ err: failure }, "unhandled error");
    await logging.close();
    expect(logged).toContain("duplicate key value");
    expect(logged).toContain('"constraint":"app_user_email_key"');
    expect(logged).not.toContain("argon2");
    expect(logged.toLowerCase()).not.toContain("insert into");
  });
});
