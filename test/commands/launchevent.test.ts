import { describe, expect, it } from "vitest";
import { invitationDigest, renderInvitation, upsertInvitationBlock } from "../../src/shared";
import type { BookingSnapshot } from "../../src/shared/contract";
import { fakeOffice, type FakeItemState } from "./support/fake-office";
import { BUILT_ORIGIN, launchEventBundle, loadBundle, type FakeFetch } from "./support/run-bundle";

const BOOKING_ID = "3f1c2b8e-5d4a-4c3b-9a1e-7b6c5d4e3f2a";
const MANAGE_KEY = "k".repeat(43);
const JOIN_URL = "https://vmr.region.example.se/webapp/m/910012345678/step-by-step?role=guest";
// Next year: the send check refuses a meeting in the past, so fixed dates would rot.
const YEAR = new Date().getUTCFullYear() + 1;
const START = new Date(`${YEAR}-12-01T09:00:00.000Z`);
const END = new Date(`${YEAR}-12-01T10:00:00.000Z`);

const invitation = renderInvitation({
  bookingId: BOOKING_ID,
  type: "care",
  service: "pexip",
  join: { url: JOIN_URL, alias: "910012345678", sipUri: "910012345678@vmr.region.example.se" },
  locale: "sv",
});
const USER_TEXT = "<p>Agenda: genomgång av vårdplanen. Lokal 3B.</p>";

function snapshot(over: Partial<BookingSnapshot> = {}): BookingSnapshot {
  return {
    type: "care",
    joinUrl: JOIN_URL,
    start: START.toISOString(),
    end: END.toISOString(),
    seriesEnd: null,
    participantLimit: 15,
    blockDigest: invitationDigest(invitation.text),
    organisationDomains: ["region.example.se"],
    consumerDomains: ["gmail.com"],
    ...over,
  };
}

function booked(
  over: Partial<FakeItemState> = {},
  snap: Partial<BookingSnapshot> = {},
): FakeItemState {
  return {
    subject: "Uppföljning",
    location: invitation.location,
    body: upsertInvitationBlock(USER_TEXT, invitation.html),
    start: START,
    end: END,
    required: ["kurator@region.example.se"],
    optional: [],
    recurrenceEnd: undefined,
    props: {
      bookingId: BOOKING_ID,
      manageKey: MANAGE_KEY,
      booking: JSON.stringify(snapshot(snap)),
    },
    ...over,
  };
}

function unbooked(over: Partial<FakeItemState> = {}): FakeItemState {
  return { ...booked(), props: {}, body: USER_TEXT, location: "", ...over };
}

/** The booking service as the embedded default answers: emulator sign-in, then the PATCH. */
const service =
  (signIn: "emulator" | "msal"): FakeFetch =>
  (call) => {
    if (call.url === `${BUILT_ORIGIN}/api/v1/client-config`) {
      return {
        status: 200,
        json:
          signIn === "emulator"
            ? {
                signIn: {
                  kind: "emulator",
                  tokenUrl: "http://127.0.0.1:3003/_emulator/users/token",
                  scopes: ["x"],
                },
                apiBaseUrl: "/api/v1",
              }
            : {
                signIn: {
                  kind: "msal",
                  clientId: "c",
                  authority: "https://login.microsoftonline.com/t",
                  scopes: ["x"],
                },
                apiBaseUrl: "/api/v1",
              },
      };
    }
    if (call.url === "http://127.0.0.1:3003/_emulator/users/token")
      return { status: 200, json: { access_token: "token-for-anna" } };
    if (call.method === "PATCH") {
      const window = call.body as { start: string; end: string; seriesEnd: string | null };
      return { status: 200, json: { booking: { id: BOOKING_ID, ...window }, invitation } };
    }
    return { status: 404, json: null };
  };

describe("the launch-event bundle in a bare JavaScript context", () => {
  it("registers the handlers the manifest names and nothing touches the DOM or storage", async () => {
    const office = fakeOffice(unbooked());
    const runtime = loadBundle(office);
    expect([...office.associated.keys()].sort()).toEqual([
      "onAppointmentAttendeesChanged",
      "onAppointmentRecurrenceChanged",
      "onAppointmentSend",
      "onAppointmentTimeChanged",
    ]);
    await runtime.run("onAppointmentSend");
    await runtime.run("onAppointmentTimeChanged");
    await runtime.run("onAppointmentAttendeesChanged");
    expect(runtime.touched).toEqual([]);
    expect(launchEventBundle()).not.toMatch(/\bimport\s*\(|\brequire\(/);
  });
});

describe("onAppointmentSend", () => {
  it("lets a clean booked invitation go at once, without any network call", async () => {
    const runtime = loadBundle(fakeOffice(booked()));
    expect(await runtime.run("onAppointmentSend")).toEqual({ allowEvent: true });
    expect(runtime.fetches).toEqual([]);
  });

  it.each([
    ["subject", { subject: "Samtal 19121212-1212" }, "Ämne", "19121212-••••"],
    ["location", { location: "Rum 4, 191212121212" }, "Plats", "19121212••••"],
    ["body", { body: "<p>Gäller 701063-2391</p>" }, "Brödtext", "701063-••••"],
  ] as const)(
    "blocks an identity number in the %s and says where, masked",
    async (_, over, field, masked) => {
      const runtime = loadBundle(fakeOffice(unbooked(over)));
      const options = await runtime.run("onAppointmentSend");
      expect(options).toMatchObject({ allowEvent: false, commandId: "svmOrganizerButton" });
      const message = String(options?.errorMessage);
      expect(message).toContain(field);
      expect(message).toContain(masked);
      expect(message).not.toMatch(/1212-1212|121212121212|063-2391/);
      expect(message.length).toBeLessThanOrEqual(500);
      expect(runtime.fetches).toEqual([]);
    },
  );

  it("blocks an identity number typed into our own block too", async () => {
    const state = booked();
    const typed = state.body.replace("Du väntar i lobbyn", "19121212-1212 väntar i lobbyn");
    expect(typed).not.toBe(state.body);
    state.body = typed;
    const options = await loadBundle(fakeOffice(state)).run("onAppointmentSend");
    expect(options).toMatchObject({ allowEvent: false });
  });

  it("answers in English for an English Outlook", async () => {
    const options = await loadBundle(
      fakeOffice(unbooked({ subject: "19121212-1212" }), { lang: "en-US" }),
    ).run("onAppointmentSend");
    expect(String(options?.errorMessage)).toMatch(
      /^Remove the personal identity number 19121212-•••• \(Subject\)/,
    );
  });

  it("warns about other personal data and lets the user send anyway (Mailbox 1.14)", async () => {
    const options = await loadBundle(
      fakeOffice(
        booked({ body: upsertInvitationBlock("<p>Ring 070-174 06 05</p>", invitation.html) }),
      ),
    ).run("onAppointmentSend");
    expect(options).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser" });
    expect(String(options?.errorMessage)).toContain("telefonnummer 070-••• •• 05 (Brödtext)");
  });

  it("warns (never blocks) about a patient's name, but not an attendee's or a dismissed one", async () => {
    const body = upsertInvitationBlock(
      "<p>Vi träffar Britt-Marie Lund för genomgång med Anna Lindqvist.</p>",
      invitation.html,
    );
    const staff = { displayNames: { "kurator@region.example.se": "Anna Lindqvist" } };
    const options = await loadBundle(fakeOffice(booked({ body, ...staff }))).run(
      "onAppointmentSend",
    );
    expect(options).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser" });
    expect(String(options?.errorMessage)).toContain("(Brödtext)");
    expect(String(options?.errorMessage)).toContain("Ta bort namnet i Skyddat vårdmöte");
    expect(String(options?.errorMessage)).not.toContain("Lindqvist");

    const dismissed = booked({ body, ...staff });
    dismissed.props = { ...dismissed.props, notNames: JSON.stringify(["britt-marie lund"]) };
    expect(await loadBundle(fakeOffice(dismissed)).run("onAppointmentSend")).toEqual({
      allowEvent: true,
    });

    const both = await loadBundle(
      fakeOffice(booked({ subject: "Britt-Marie Lund 19121212-1212", ...staff })),
    ).run("onAppointmentSend");
    expect(both).toMatchObject({ allowEvent: false });
    expect(both).not.toHaveProperty("sendModeOverride");
    expect(String(both?.errorMessage)).toMatch(/^Ta bort personnummer/);
  });

  it("does not trap the user with a warning where Outlook cannot offer Send anyway (Mailbox 1.12)", async () => {
    const options = await loadBundle(
      fakeOffice(booked({ body: "<p>Ring 070-174 06 05</p>" }), { mailbox: "1.12" }),
    ).run("onAppointmentSend");
    expect(options).toEqual({ allowEvent: true });
  });

  it("still blocks identity numbers on Mailbox 1.12, without a Take action button", async () => {
    const options = await loadBundle(
      fakeOffice(unbooked({ subject: "19121212-1212" }), { mailbox: "1.12" }),
    ).run("onAppointmentSend");
    expect(options).toMatchObject({ allowEvent: false });
    expect(options).not.toHaveProperty("commandId");
  });

  it.each([
    ["missing", (s: FakeItemState) => ({ ...s, body: USER_TEXT }), "saknas"],
    [
      "edited",
      (s: FakeItemState) => ({ ...s, body: s.body.replace("lobbyn", "väntrummet") }),
      "har ändrats",
    ],
  ])("warns when the block of an existing booking is %s", async (_, change, words) => {
    const options = await loadBundle(fakeOffice(change(booked()))).run("onAppointmentSend");
    expect(options).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser" });
    expect(String(options?.errorMessage)).toContain(words);
    expect(String(options?.errorMessage)).toContain("Återställ mötesinformationen");
  });

  it.each([
    ["another host", "https://evil.example/webapp/m/910012345678"],
    ["javascript:", "javascript:alert(1)"],
    ["plain http", "http://vmr.region.example.se/webapp/m/910012345678/step-by-step?role=guest"],
  ])("warns that the block's link was changed (%s), not just its words", async (_, link) => {
    const body = booked().body.replaceAll(JOIN_URL.replaceAll("&", "&amp;"), link);
    expect(body).toContain(link);
    const options = await loadBundle(fakeOffice(booked({ body }))).run("onAppointmentSend");
    expect(options).toMatchObject({ allowEvent: false, sendModeOverride: "promptUser" });
    expect(String(options?.errorMessage)).toContain("Länken i mötesinformationen har ändrats");
  });

  it("warns when more attendees are invited than the type allows", async () => {
    const required = Array.from({ length: 16 }, (_, i) => `deltagare${i}@region.example.se`);
    const options = await loadBundle(fakeOffice(booked({ required }))).run("onAppointmentSend");
    expect(String(options?.errorMessage)).toContain(
      "För många deltagare. Mötet tar högst 15 deltagare och har 17 med dig.",
    );
  });

  it.each([
    [14, null],
    [15, "har 16 med dig"],
    [16, "har 17 med dig"],
  ] as const)("with %i invitees counts the organiser as the pane does", async (n, words) => {
    const required = Array.from({ length: n }, (_, i) => `deltagare${i}@region.example.se`);
    const options = await loadBundle(fakeOffice(booked({ required }))).run("onAppointmentSend");
    if (words === null) expect(options).toEqual({ allowEvent: true });
    else expect(String(options?.errorMessage)).toContain(words);
  });

  it("stops a booked meeting moved into the past with the pane's words", async () => {
    const past = new Date(Date.now() - 2 * 3_600_000);
    const options = await loadBundle(
      fakeOffice(booked({ start: past, end: new Date(past.getTime() + 3_600_000) })),
      service("emulator"),
    ).run("onAppointmentSend");
    expect(options).toMatchObject({
      allowEvent: false,
      errorMessage: "Mötet ligger bakåt i tiden. Ändra Start.",
    });
  });

  it("warns about an outside attendee on an internal meeting, address masked, no word of patients", async () => {
    const options = await loadBundle(
      fakeOffice(
        booked(
          { required: ["kollega@region.example.se", "handlaggare@kommun.example.se"] },
          { type: "internal", participantLimit: null },
        ),
      ),
    ).run("onAppointmentSend");
    const message = String(options?.errorMessage);
    expect(message).toContain("Deltagare utanför organisationen. Ett internt möte");
    expect(message).toContain("h•••@kommun.example.se");
    expect(message).not.toContain("handlaggare");
    expect(message).not.toMatch(/patient/i);
  });

  it("warns about a private address on a care meeting, masked", async () => {
    const options = await loadBundle(
      fakeOffice(booked({ required: ["karl.nilsson@gmail.com"] })),
    ).run("onAppointmentSend");
    expect(String(options?.errorMessage)).toContain("Ta bort k•••@gmail.com ur deltagarlistan");
  });

  it("does nothing on clients without Smart Alerts (Mailbox 1.11)", async () => {
    const runtime = loadBundle(
      fakeOffice(unbooked({ subject: "19121212-1212" }), { mailbox: "1.11" }),
    );
    expect(await runtime.run("onAppointmentSend")).toEqual({ allowEvent: true });
  });

  it("lets the item go when the item cannot be read (as Outlook does when the add-in cannot run)", async () => {
    expect(
      await loadBundle(fakeOffice(booked({ failBody: true }))).run("onAppointmentSend"),
    ).toEqual({ allowEvent: true });
  });

  it("brings moved times up to the service before sending where it can get a token", async () => {
    const office = fakeOffice(
      booked({
        start: new Date(`${YEAR}-12-02T09:00:00.000Z`),
        end: new Date(`${YEAR}-12-02T10:00:00.000Z`),
      }),
    );
    const runtime = loadBundle(office, service("emulator"));
    expect(await runtime.run("onAppointmentSend")).toEqual({ allowEvent: true });
    const patch = runtime.fetches.find((f) => f.method === "PATCH");
    expect(patch).toMatchObject({
      url: `${BUILT_ORIGIN}/api/v1/meetings/${BOOKING_ID}`,
      headers: { authorization: "Bearer token-for-anna", "X-Manage-Key": MANAGE_KEY },
      body: {
        start: `${YEAR}-12-02T09:00:00.000Z`,
        end: `${YEAR}-12-02T10:00:00.000Z`,
        seriesEnd: null,
      },
    });
    expect(runtime.fetches.find((f) => f.url.endsWith("/users/token"))?.body).toEqual({
      user: "anna",
    });
    expect(JSON.parse(String(office.savedProps?.booking))).toMatchObject({
      start: `${YEAR}-12-02T09:00:00.000Z`,
    });
  });

  it("asks the user to open the pane when moved times cannot be synced from here", async () => {
    const runtime = loadBundle(
      fakeOffice(booked({ end: new Date(`${YEAR}-12-01T11:00:00.000Z`) })),
      service("msal"),
    );
    const options = await runtime.run("onAppointmentSend");
    expect(options).toMatchObject({ allowEvent: false, commandId: "svmOrganizerButton" });
    expect(String(options?.errorMessage)).toContain("Öppna Skyddat vårdmöte så uppdateras mötet");
    expect(runtime.fetches.some((f) => f.method === "PATCH")).toBe(false);
  });
});

describe("onAppointmentTimeChanged", () => {
  it("does nothing when the times still match the booking", async () => {
    const office = fakeOffice(booked());
    const runtime = loadBundle(office, service("emulator"));
    await runtime.run("onAppointmentTimeChanged");
    expect(runtime.fetches).toEqual([]);
    expect(office.notifications.size).toBe(0);
  });

  it("updates the booking's window, a series' end included", async () => {
    const office = fakeOffice(booked({ recurrenceEnd: `${YEAR + 1}-01-26` }));
    const runtime = loadBundle(office, service("emulator"));
    await runtime.run("onAppointmentTimeChanged");
    const patch = runtime.fetches.find((f) => f.method === "PATCH");
    const body = patch?.body as { seriesEnd: string };
    expect(body.seriesEnd.startsWith(`${YEAR + 1}-01-26`)).toBe(true);
    expect(office.notifications.size).toBe(0);
  });

  it("runs for a changed recurrence too (OnAppointmentRecurrenceChanged)", async () => {
    const office = fakeOffice(booked({ recurrenceEnd: `${YEAR + 1}-02-02` }));
    const runtime = loadBundle(office, service("emulator"));
    await runtime.run("onAppointmentRecurrenceChanged");
    const body = runtime.fetches.find((f) => f.method === "PATCH")?.body as { seriesEnd: string };
    expect(body.seriesEnd.startsWith(`${YEAR + 1}-02-02`)).toBe(true);
  });

  it("never shortens the series when one occurrence is moved", async () => {
    const seriesEnd = `${YEAR + 1}-03-01T10:00:00.000Z`;
    const office = fakeOffice(
      booked(
        {
          seriesId: "AAMkADseries",
          // The occurrence on 8 December, moved an hour; Outlook reports no recurrence for it.
          start: new Date(`${YEAR}-12-08T10:00:00.000Z`),
          end: new Date(`${YEAR}-12-08T11:00:00.000Z`),
        },
        { seriesEnd },
      ),
    );
    const runtime = loadBundle(office, service("emulator"));
    await runtime.run("onAppointmentTimeChanged");
    expect(runtime.fetches).toEqual([]);
    expect(office.notifications.size).toBe(0);
    expect(await runtime.run("onAppointmentSend")).toEqual({ allowEvent: true });
    expect(runtime.fetches).toEqual([]);
  });

  it("lengthens the series when its last occurrence is moved past the end", async () => {
    const office = fakeOffice(
      booked(
        {
          seriesId: "AAMkADseries",
          start: new Date(`${YEAR}-12-22T09:00:00.000Z`),
          end: new Date(`${YEAR}-12-22T10:00:00.000Z`),
        },
        { seriesEnd: `${YEAR}-12-15T10:00:00.000Z` },
      ),
    );
    const runtime = loadBundle(office, service("emulator"));
    await runtime.run("onAppointmentTimeChanged");
    expect(runtime.fetches.find((f) => f.method === "PATCH")?.body).toEqual({
      start: START.toISOString(),
      end: END.toISOString(),
      seriesEnd: `${YEAR}-12-22T10:00:00.000Z`,
    });
  });

  it("updates the booking with Office's silent SSO token in production (MSAL sign-in)", async () => {
    const office = fakeOffice(booked({ end: new Date(`${YEAR}-12-01T11:00:00.000Z`) }), {
      ssoToken: "sso-token-for-anna",
    });
    const runtime = loadBundle(office, service("msal"));
    await runtime.run("onAppointmentTimeChanged");
    expect(office.tokenRequests).toEqual([{ allowSignInPrompt: false, allowConsentPrompt: false }]);
    expect(runtime.fetches.find((f) => f.method === "PATCH")).toMatchObject({
      url: `${BUILT_ORIGIN}/api/v1/meetings/${BOOKING_ID}`,
      headers: { authorization: "Bearer sso-token-for-anna", "X-Manage-Key": MANAGE_KEY },
      body: { end: `${YEAR}-12-01T11:00:00.000Z` },
    });
    expect(office.notifications.size).toBe(0);
    expect(JSON.parse(String(office.savedProps?.booking))).toMatchObject({
      end: `${YEAR}-12-01T11:00:00.000Z`,
    });
  });

  it("leaves a notice when Office cannot give a token silently", async () => {
    const office = fakeOffice(booked({ end: new Date(`${YEAR}-12-01T11:00:00.000Z`) }), {
      ssoToken: new Error("13001 user not signed in"),
    });
    const runtime = loadBundle(office, service("msal"));
    await runtime.run("onAppointmentTimeChanged");
    expect(runtime.fetches.some((f) => f.method === "PATCH")).toBe(false);
    expect(office.notifications.get("svmTimeChanged")?.message).toBe(
      "Mötestiden har ändrats. Öppna Skyddat vårdmöte så uppdateras mötet.",
    );
  });

  it("leaves a notice when it cannot update from here", async () => {
    const office = fakeOffice(booked({ end: new Date(`${YEAR}-12-01T11:00:00.000Z`) }));
    await loadBundle(office, service("msal")).run("onAppointmentTimeChanged");
    expect(office.notifications.get("svmTimeChanged")?.message).toBe(
      "Mötestiden har ändrats. Öppna Skyddat vårdmöte så uppdateras mötet.",
    );
  });
});

describe("onAppointmentAttendeesChanged", () => {
  it("shows a notice above the limit and removes it again below", async () => {
    const state = booked({
      required: Array.from({ length: 12 }, (_, i) => `d${i}@region.example.se`),
      optional: [
        "a@region.example.se",
        "b@region.example.se",
        "c@region.example.se",
        "d@region.example.se",
      ],
    });
    const office = fakeOffice(state);
    const runtime = loadBundle(office);
    await runtime.run("onAppointmentAttendeesChanged");
    expect(office.notifications.get("svmAttendeeLimit")).toEqual({
      type: "informationalMessage",
      message:
        "För många deltagare. Mötet tar högst 15 deltagare och har 17 med dig. De som ansluter via 1177 räknas också.",
    });
    state.optional = [];
    await runtime.run("onAppointmentAttendeesChanged");
    expect(office.notifications.has("svmAttendeeLimit")).toBe(false);
    expect(runtime.fetches).toEqual([]);
  });

  it("says nothing for a type without a limit", async () => {
    const office = fakeOffice(
      booked(
        { required: Array.from({ length: 40 }, (_, i) => `d${i}@region.example.se`) },
        { participantLimit: null, type: "internal" },
      ),
    );
    await loadBundle(office).run("onAppointmentAttendeesChanged");
    expect(office.notifications.size).toBe(0);
  });
});
