import { expect, it } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildWorld } from "../../../test/world";

// The agenda a moved meeting gets is written in the move's transaction: a failure while writing it (here, the
// meeting's `preparedAt` stamp, the rebuild's last write, refused by a trigger the test arms) leaves the meeting
// where it was and its agenda as it was.
const ARM = `
  CREATE FUNCTION test_refuse_prepared() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.prepared_at IS DISTINCT FROM OLD.prepared_at THEN RAISE EXCEPTION 'the agenda could not be written'; END IF;
    RETURN NEW;
  END $$;
  CREATE TRIGGER test_refuse_prepared BEFORE UPDATE ON meeting FOR EACH ROW EXECUTE FUNCTION test_refuse_prepared()`;
const DISARM = "DROP TRIGGER test_refuse_prepared ON meeting; DROP FUNCTION test_refuse_prepared()";

describeWithApp("rituals: a moved meeting's agenda", (get) => {
  it("is rebuilt in the move's transaction: a failure leaves the meeting and its old agenda", async () => {
    const t = get();
    const w = await buildWorld(t);
    const admin = w.personas.admin;
    const meetingId = w.rituals.meeting.id;
    const built = await admin.request({ method: "POST", url: `/api/v1/meetings/${meetingId}/prepare`, payload: {} });
    expect(built.statusCode, built.body).toBe(200);
    const meeting = (await admin.request({ url: `/api/v1/meetings/${meetingId}` })).json();
    const agendaBefore = (await admin.request({ url: `/api/v1/meetings/${meetingId}/agenda` })).json();
    const later = new Date(Date.parse(meeting.startsAt) + 2 * 3_600_000);
    const length = Date.parse(meeting.endsAt) - Date.parse(meeting.startsAt);

    await t.database.exec(ARM);
    try {
      const moved = await admin.request({
        method: "PATCH",
        url: `/api/v1/meetings/${meetingId}`,
        payload: {
          version: meeting.version,
          startsAt: later.toISOString(),
          endsAt: new Date(later.getTime() + length + 900_000).toISOString(),
        },
      });
      expect(moved.statusCode).toBe(500);
      const series = (await admin.request({ url: `/api/v1/meeting-series/${w.rituals.series.id}` })).json();
      const edited = await admin.request({
        method: "PATCH",
        url: `/api/v1/meeting-series/${series.id}`,
        payload: { version: series.version, durationMinutes: 60 },
      });
      expect(edited.statusCode).toBe(500);
    } finally {
      await t.database.exec(DISARM);
    }
    const after = (await admin.request({ url: `/api/v1/meetings/${meetingId}` })).json();
    expect(after).toMatchObject({ startsAt: meeting.startsAt, endsAt: meeting.endsAt, version: meeting.version });
    const agendaAfter = (await admin.request({ url: `/api/v1/meetings/${meetingId}/agenda` })).json();
    expect(agendaAfter).toEqual(agendaBefore);
    const series = (await admin.request({ url: `/api/v1/meeting-series/${w.rituals.series.id}` })).json();
    expect(series.durationMinutes).not.toBe(60);

    // Without the failure, the move and its rebuilt agenda land together.
    const moved = await admin.request({
      method: "PATCH",
      url: `/api/v1/meetings/${meetingId}`,
      payload: {
        version: meeting.version,
        startsAt: later.toISOString(),
        endsAt: new Date(later.getTime() + length + 900_000).toISOString(),
      },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const rebuilt = (await admin.request({ url: `/api/v1/meetings/${meetingId}/agenda` })).json();
    expect(rebuilt.durationMinutes).toBe(length / 60_000 + 15);
    expect(rebuilt.totalMinutes).toBe(length / 60_000 + 15);
  });
});
