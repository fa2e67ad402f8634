import { expect, it, vi } from "vitest";
import { describeWithApp } from "../../../test/app";
import { buildWorld } from "../../../test/world";

// The agenda a moved meeting gets is written in the move's transaction: a failure while writing it (here, the
// meeting's `preparedAt` stamp, the rebuild's last write) leaves the meeting where it was and its agenda as it was.
const failure = vi.hoisted(() => ({ armed: false }));
vi.mock("./meetings.queries", async (original) => {
  const actual = await original<typeof import("./meetings.queries")>();
  return {
    ...actual,
    updateMeeting: async (...args: Parameters<typeof actual.updateMeeting>) => {
      if (failure.armed && "preparedAt" in args[2]) throw new Error("the agenda could not be written");
      return actual.updateMeeting(...args);
    },
  };
});

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

    failure.armed = true;
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
      failure.armed = false;
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
