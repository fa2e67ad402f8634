import type { AddressInfo } from "node:net";
import { createTransport } from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildPersona } from "../../../test/factories";
import { sendNotificationEmails } from "./email";
import { notify } from "./notifications.service";

interface Received {
  to: string[];
  data: string;
}

// A real SMTP server in the test process: Tandem speaks SMTP to it as it would to the company's relay.
const received: Received[] = [];
let refuse = false;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onRcptTo(_address, _session, callback) {
    if (refuse) return callback(new Error("550 mailbox unavailable"));
    callback();
  },
  onData(stream, session, callback) {
    let data = "";
    stream.on("data", (chunk) => (data += chunk));
    stream.on("end", () => {
      received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), data });
      callback();
    });
  },
});
let port = 0;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describeWithApp("notification emails", (get) => {
  it("sends each new notification once over SMTP, retries failures three times, and skips old or inactive ones", async () => {
    const t = get();
    const transport = createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
    const settings = { from: "Tandem <tandem@acme.test>", publicUrl: "https://tandem.acme.test" };
    const person = await buildPersona(t, { role: "member" });
    const now = new Date();
    const origin = { workspaceId: person.user.workspaceId, actorId: null, now };
    await t.database.db.transaction((tx) =>
      notify(tx, origin, [person.user.id], {
        kind: "request.decided",
        title: "REQ-7 was approved",
        body: "Fits the stack",
        link: "/pipeline/requests/abc",
      }),
    );
    // An old notification (before SMTP was set up) is never emailed.
    await t.database.db.transaction((tx) =>
      notify(tx, { ...origin, now: new Date(now.getTime() - 2 * 86_400_000) }, [person.user.id], {
        kind: "old",
        title: "Old news",
      }),
    );
    const first = await sendNotificationEmails(t.database, transport, settings, now);
    expect(first).toEqual({ sent: 1, failed: 0 });
    const mail = received.find((message) => message.to.includes(person.user.email));
    expect(mail?.data).toContain("Subject: REQ-7 was approved");
    expect(mail?.data).toContain("https://tandem.acme.test/pipeline/requests/abc");
    expect(await sendNotificationEmails(t.database, transport, settings, now)).toEqual({ sent: 0, failed: 0 });

    refuse = true;
    await t.database.db.transaction((tx) => notify(tx, origin, [person.user.id], { kind: "x", title: "Bounced" }));
    for (let attempt = 0; attempt < 4; attempt++) await sendNotificationEmails(t.database, transport, settings, now);
    const [bounced] = await t.database.query<{ email_attempts: number; emailed_at: Date | null }>(
      "SELECT email_attempts, emailed_at FROM notification WHERE title = 'Bounced'",
    );
    expect(bounced).toEqual({ email_attempts: 3, emailed_at: null });
    refuse = false;
    transport.close();
  });

  it("emails nobody who turned emails off, and their waiting notifications never hold back anyone else's", async () => {
    const t = get();
    const transport = createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
    const settings = { from: "Tandem <tandem@acme.test>", publicUrl: "https://tandem.acme.test" };
    const quiet = await buildPersona(t);
    const turnedOff = await quiet.request({
      method: "PATCH",
      url: `/api/v1/users/${quiet.user.id}`,
      payload: { version: 1, emailNotifications: false },
    });
    expect(turnedOff.json()).toMatchObject({ emailNotifications: false });
    const keen = await buildPersona(t);
    const now = new Date();
    // More waiting notifications for the quiet person than one batch holds, all older than the keen one's.
    await t.database.db.transaction(async (tx) => {
      for (let i = 0; i < 120; i++) {
        const at = new Date(now.getTime() - 3_600_000 + i * 1000);
        await notify(tx, { workspaceId: quiet.user.workspaceId, actorId: null, now: at }, [quiet.user.id], {
          kind: "x",
          title: `Quiet ${i}`,
        });
      }
    });
    await t.database.db.transaction((tx) =>
      notify(tx, { workspaceId: keen.user.workspaceId, actorId: null, now }, [keen.user.id], {
        kind: "x",
        title: "For the keen one",
      }),
    );
    const before = received.length;
    expect(await sendNotificationEmails(t.database, transport, settings, now)).toEqual({ sent: 1, failed: 0 });
    const mails = received.slice(before);
    expect(mails.map((mail) => mail.to)).toEqual([[keen.user.email]]);
    expect(mails[0].data).toContain("Your account");
    transport.close();
  });
});
