// Every booking route's happy path and its errors, through app.inject, with real Entra ID
// tokens and the real Pexip provider against the emulators.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CreateMeetingResponse, HostLinkResponse, MeetingResponse } from "../../../src/shared";
import { startTestApp, type TestApp } from "../support/test-app";

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp();
  token = await t.token("anna");
});
afterAll(() => t.close());
beforeEach(() => {
  t.emu.pexip.reset();
  t.emu.graph.reset();
});

const hour = 3_600_000;
function window(offsetHours = 24) {
  const start = new Date(Date.now() + offsetHours * hour);
  start.setUTCMinutes(0, 0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + hour).toISOString() };
}

async function create(body: Record<string, unknown> = { type: "care", ...window() }, headers = {}) {
  return t.app.inject({
    method: "POST",
    url: "/api/v1/meetings",
    headers: { authorization: `Bearer ${token}`, ...headers },
    payload: body,
  });
}

async function created(type = "care") {
  const res = await create({ type, ...window() });
  expect(res.statusCode).toBe(201);
  return CreateMeetingResponse.parse(res.json());
}

function manage(
  method: "GET" | "PATCH" | "DELETE" | "POST",
  url: string,
  key: string,
  payload?: object,
) {
  return t.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}`, "x-manage-key": key },
    ...(payload === undefined ? {} : { payload }),
  });
}

describe("POST /api/v1/meetings", () => {
  it("creates a Pexip VMR and answers with booking, manageKey and invitation", async () => {
    const res = await create();
    expect(res.statusCode).toBe(201);
    const body = CreateMeetingResponse.parse(res.json());
    expect(body.booking).toMatchObject({ type: "care", service: "pexip", state: "active" });
    expect(body.manageKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.invitation.html).toContain(body.booking.join.url);
    expect(body.invitation.html).toContain("Skyddat vårdmöte via Pexip");
    const vmrs = t.emu.pexip.state().conferences;
    expect(vmrs).toHaveLength(1);
    expect(vmrs[0]!.name).toContain(body.booking.id);
    // The host PIN is in Pexip but never in what the pane writes into the invitation.
    expect(vmrs[0]!.pin).toMatch(/^\d+$/);
    expect(body.invitation.html).not.toContain(vmrs[0]!.pin);
    expect(JSON.stringify(body)).not.toContain(vmrs[0]!.pin);
  });

  it("renders the invitation in English when asked", async () => {
    const res = await create({ type: "care", ...window(), locale: "en" });
    expect(res.json().invitation.html).toContain("Protected care meeting via Pexip");
  });

  it("creates a Teams meeting for the information type", async () => {
    const body = await created("information");
    expect(body.booking.service).toBe("teams");
    expect(t.emu.graph.state().meetings.map((m) => m.externalId)).toEqual([body.booking.id]);
  });

  it("refuses fields that could carry personal data (strict body)", async () => {
    const res = await create({ type: "care", ...window(), subject: "Anna Andersson" });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { code: "validation_failed", message: expect.any(String) },
    });
    expect(t.emu.pexip.state().conferences).toHaveLength(0);
  });

  it("refuses an end before the start and an unknown type", async () => {
    const w = window();
    expect((await create({ type: "care", start: w.end, end: w.start })).statusCode).toBe(400);
    expect((await create({ type: "webinar", ...w })).statusCode).toBe(400);
  });

  it("refuses a meeting that has already ended (422)", async () => {
    const res = await create({ type: "care", ...window(-48) });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe("policy_violation");
  });

  it("refuses a body over the size limit (413) and a non-JSON body (415)", async () => {
    const big = await create({ type: "care", ...window(), pad: "x".repeat(20_000) });
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe("validation_failed");
    const text = await t.app.inject({
      method: "POST",
      url: "/api/v1/meetings",
      headers: { authorization: `Bearer ${token}`, "content-type": "text/plain" },
      payload: "type=care",
    });
    expect(text.statusCode).toBe(415);
  });

  it("answers errors in Swedish by default and in English on request", async () => {
    const sv = await create({ type: "nope" });
    expect(sv.json().error.message).toBe("Förfrågan är felaktig och kunde inte behandlas.");
    const en = await create({ type: "nope" }, { "accept-language": "en-GB,en;q=0.9" });
    expect(en.json().error.message).toBe("The request is invalid and could not be processed.");
  });
});

describe("a booking's routes (manageKey)", () => {
  it("GET returns the booking and its invitation, in the asked language", async () => {
    const made = await created();
    const res = await manage(
      "GET",
      `/api/v1/meetings/${made.booking.id}?locale=en`,
      made.manageKey,
    );
    expect(res.statusCode).toBe(200);
    const body = MeetingResponse.parse(res.json());
    expect(body.booking).toEqual(made.booking);
    expect(body.invitation.html).toContain("Protected care meeting");
  });

  it("PATCH moves the window and the cleanup time", async () => {
    const made = await created();
    const w = window(48);
    const res = await manage("PATCH", `/api/v1/meetings/${made.booking.id}`, made.manageKey, w);
    expect(res.statusCode).toBe(200);
    const body = MeetingResponse.parse(res.json());
    expect(body.booking.start).toBe(w.start);
    expect(body.booking.end).toBe(w.end);
    const row = await t.store.db
      .selectFrom("bookings")
      .selectAll()
      .where("id", "=", made.booking.id)
      .executeTakeFirstOrThrow();
    expect(row.cleanup_at).toBe(new Date(Date.parse(w.end) + 60 * 60_000).toISOString());
  });

  it("PATCH with only start is refused (start and end travel together)", async () => {
    const made = await created();
    const res = await manage("PATCH", `/api/v1/meetings/${made.booking.id}`, made.manageKey, {
      start: window(30).start,
    });
    expect(res.statusCode).toBe(400);
  });

  it("change-type creates the new meeting, deletes the old one, keeps id and manageKey", async () => {
    const made = await created("care");
    const res = await manage(
      "POST",
      `/api/v1/meetings/${made.booking.id}/change-type`,
      made.manageKey,
      {
        type: "information",
      },
    );
    expect(res.statusCode).toBe(200);
    const body = MeetingResponse.parse(res.json());
    expect(body.booking).toMatchObject({
      id: made.booking.id,
      type: "information",
      service: "teams",
    });
    expect(body.invitation.html).toContain("Teams med mötesskydd");
    expect(t.emu.pexip.state().conferences).toHaveLength(0);
    // Same key still manages it.
    const again = await manage("GET", `/api/v1/meetings/${made.booking.id}`, made.manageKey);
    expect(again.json().booking.type).toBe("information");
    // And back to Pexip: a new VMR under revision 2 of the meeting key.
    const back = await manage(
      "POST",
      `/api/v1/meetings/${made.booking.id}/change-type`,
      made.manageKey,
      {
        type: "care",
      },
    );
    expect(back.statusCode).toBe(200);
    const vmrs = t.emu.pexip.state().conferences;
    expect(vmrs).toHaveLength(1);
    expect(vmrs[0]!.name).toContain(`${made.booking.id}.r2`);
  });

  it("change-type to the same type changes nothing", async () => {
    const made = await created("care");
    const res = await manage(
      "POST",
      `/api/v1/meetings/${made.booking.id}/change-type`,
      made.manageKey,
      {
        type: "care",
      },
    );
    expect(res.statusCode).toBe(200);
    expect(t.emu.pexip.state().conferences).toHaveLength(1);
  });

  it("host gives the host link with the PIN; never in GET", async () => {
    const made = await created();
    const res = await manage("GET", `/api/v1/meetings/${made.booking.id}/host`, made.manageKey);
    expect(res.statusCode).toBe(200);
    const { hostUrl } = HostLinkResponse.parse(res.json());
    const pin = t.emu.pexip.state().conferences[0]!.pin!;
    expect(hostUrl).toContain(pin);
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("DELETE removes the VMR, answers 204, and is idempotent", async () => {
    const made = await created();
    const url = `/api/v1/meetings/${made.booking.id}`;
    expect((await manage("DELETE", url, made.manageKey)).statusCode).toBe(204);
    expect(t.emu.pexip.state().conferences).toHaveLength(0);
    expect((await manage("DELETE", url, made.manageKey)).statusCode).toBe(204);
    const after = await manage("GET", url, made.manageKey);
    expect(after.json().booking.state).toBe("removed");
    // A removed booking cannot be changed or started.
    expect((await manage("PATCH", url, made.manageKey, window(50))).statusCode).toBe(409);
    expect((await manage("GET", `${url}/host`, made.manageKey)).statusCode).toBe(409);
  });

  it("a wrong, missing or malformed key, an unknown id and another user's booking all get the same 403", async () => {
    const made = await created();
    const other = await created();
    const url = (id: string) => `/api/v1/meetings/${id}`;
    const answers = await Promise.all([
      manage("GET", url(made.booking.id), other.manageKey),
      manage("GET", url(made.booking.id), "short"),
      t.app.inject({
        method: "GET",
        url: url(made.booking.id),
        headers: { authorization: `Bearer ${token}` },
      }),
      manage("GET", url("3f1c8d7e-1111-4c4c-9d9d-000000000000"), made.manageKey),
      manage("DELETE", url(made.booking.id), other.manageKey),
      manage("GET", `${url(made.booking.id)}/host`, "x".repeat(43)),
    ]);
    for (const res of answers) {
      expect(res.statusCode).toBe(403);
      expect(res.body).toBe(answers[0]!.body);
    }
    // A delegate with the key (another user) manages it: the key is the authority.
    const karl = await t.token("karl");
    const byKarl = await t.app.inject({
      method: "GET",
      url: url(made.booking.id),
      headers: { authorization: `Bearer ${karl}`, "x-manage-key": made.manageKey },
    });
    expect(byKarl.statusCode).toBe(200);
  });

  it("an id that is not a UUID is a 400", async () => {
    const res = await manage("GET", "/api/v1/meetings/not-a-uuid", "x".repeat(43));
    expect(res.statusCode).toBe(400);
  });
});

describe("audit trail", () => {
  it("records who did what to which booking, with no personal data", async () => {
    const made = await created();
    await manage("DELETE", `/api/v1/meetings/${made.booking.id}`, made.manageKey);
    const rows = await t.store.db
      .selectFrom("audit_events")
      .selectAll()
      .where("booking_id", "=", made.booking.id)
      .orderBy("at")
      .execute();
    const oid = t.emu.entra.oidFor("anna");
    expect(rows.map((r) => [r.action, r.outcome, r.actor_oid])).toEqual([
      ["create", "ok", oid],
      ["remove", "ok", oid],
    ]);
  });
});
