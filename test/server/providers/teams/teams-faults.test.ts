// Faults injected with POST /_emulator/faults at every call the Teams provider makes (Graph and
// Entra ID). The plain create shares its path prefix with createOrGet, so its faults are armed
// in-process right after the first POST has gone by.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ENTRA_DEFAULTS,
  startEmulators,
  type Emulators,
  type FaultInput,
} from "../../../../src/emulators";
import { createTeamsProvider } from "../../../../src/server/providers/teams";
import type { TeamsMeetingType } from "../../../../src/shared";
import {
  addFault,
  callLog,
  meetingInput,
  ORGANIZER,
  providerError,
  recordingClock,
  resetEmulator,
  teamsType,
} from "../helpers";
import { meetings, teamsConfig } from "./teams-fixtures";

const MEETINGS = `/v1.0/users/${ORGANIZER.oid}/onlineMeetings`;

let emu: Emulators;
beforeAll(async () => {
  emu = await startEmulators({ port: 0 });
});
afterAll(() => emu.close());
beforeEach(async () => {
  await resetEmulator(emu.graph.url);
  await resetEmulator(emu.entra.url);
});

function setup() {
  const clock = recordingClock();
  const log = callLog();
  let armed: Omit<FaultInput, "route"> | undefined;
  const teams = createTeamsProvider(
    teamsConfig(emu, {
      // Generous per-attempt time: on a loaded 2-core machine the emulator itself can take hundreds of
      // milliseconds to answer, and a fault test must not turn into a timeout test by accident.
      http: { attemptTimeoutMs: 800, deadlineMs: 5_000, baseDelayMs: 20, maxAttempts: 4 },
    }),
    {
      clock,
      observe: (e) => {
        log.observe(e);
        if (armed && e.provider === "teams" && e.method === "POST") {
          emu.graph.faults.add({ route: `POST ${MEETINGS}`, ...armed });
          armed = undefined;
        }
      },
    },
  );
  return {
    teams,
    clock,
    log,
    armAfterFirstPost: (fault: Omit<FaultInput, "route">) => {
      armed = fault;
    },
  };
}

type Fault = Omit<FaultInput, "route">;
type Setup = ReturnType<typeof setup>;

interface Call {
  name: string;
  /** Prepares state, injects the fault where this call goes, and returns the call. */
  inject(s: Setup, fault: Fault): Promise<() => Promise<unknown>>;
  clientErrorKind: "rejected" | "not_authorized";
  /** Meetings that must exist after the call succeeded. */
  afterSuccess: number;
}

const noPasscode = (): TeamsMeetingType => {
  const type = teamsType();
  return { ...type, teams: { ...type.teams, passcodeRequired: false } };
};

const calls: Call[] = [
  {
    name: "createOrGet",
    afterSuccess: 1,
    clientErrorKind: "rejected",
    inject: async ({ teams }, fault) => {
      await addFault(emu.graph.url, { route: `POST ${MEETINGS}/createOrGet`, ...fault });
      return () => teams.createMeeting(meetingInput(teamsType()));
    },
  },
  {
    name: "create (plain, for the passcode)",
    afterSuccess: 1,
    clientErrorKind: "rejected",
    inject: ({ teams, armAfterFirstPost }, fault) => {
      armAfterFirstPost(fault);
      return Promise.resolve(() => teams.createMeeting(meetingInput(teamsType())));
    },
  },
  {
    name: "PATCH protection",
    afterSuccess: 1,
    clientErrorKind: "rejected",
    inject: async ({ teams }, fault) => {
      await addFault(emu.graph.url, { route: `PATCH ${MEETINGS}/`, ...fault });
      return () => teams.createMeeting(meetingInput(noPasscode()));
    },
  },
  {
    name: "update",
    afterSuccess: 1,
    clientErrorKind: "rejected",
    inject: async ({ teams }, fault) => {
      const input = meetingInput(teamsType());
      const { ref } = await teams.createMeeting(input);
      await addFault(emu.graph.url, { route: `PATCH ${MEETINGS}/`, ...fault });
      return () => teams.updateMeeting(ref, input);
    },
  },
  {
    name: "get",
    afterSuccess: 1,
    clientErrorKind: "rejected",
    inject: async ({ teams }, fault) => {
      const { ref } = await teams.createMeeting(meetingInput(teamsType()));
      await addFault(emu.graph.url, { route: `GET ${MEETINGS}/`, ...fault });
      return () => teams.getMeeting(ref);
    },
  },
  {
    name: "delete",
    afterSuccess: 0,
    clientErrorKind: "rejected",
    inject: async ({ teams }, fault) => {
      const { ref } = await teams.createMeeting(meetingInput(teamsType()));
      await addFault(emu.graph.url, { route: `DELETE ${MEETINGS}/`, ...fault });
      return () => teams.deleteMeeting(ref);
    },
  },
  {
    name: "find",
    afterSuccess: 1,
    clientErrorKind: "rejected",
    inject: async ({ teams }, fault) => {
      const input = meetingInput(teamsType());
      await teams.createMeeting(input);
      await addFault(emu.graph.url, { route: `POST ${MEETINGS}/createOrGet`, ...fault });
      return async () =>
        expect(await teams.findByBookingId(input.bookingId, ORGANIZER)).not.toBeNull();
    },
  },
  {
    name: "Entra token",
    afterSuccess: 0,
    clientErrorKind: "not_authorized",
    inject: async ({ teams }, fault) => {
      await addFault(emu.entra.url, {
        route: `POST /${ENTRA_DEFAULTS.tenantId}/oauth2/v2.0/token`,
        ...fault,
      });
      return () => teams.ping();
    },
  },
];

async function run(call: Call, fault: Fault) {
  const s = setup();
  const go = await call.inject(s, fault);
  return { ...s, go };
}

describe.each(calls)("teams $name under faults", (call) => {
  it("retries 5xx and succeeds, leaving exactly what it should", async () => {
    const { go } = await run(call, { status: 503, count: 2 });
    await go();
    expect(await meetings(emu)).toHaveLength(call.afterSuccess);
  });

  it("waits as long as a 429's Retry-After says", async () => {
    const { go, clock } = await run(call, { status: 429, retryAfter: 1, count: 1 });
    await go();
    expect(clock.sleeps).toContain(1000);
    expect(await meetings(emu)).toHaveLength(call.afterSuccess);
  });

  it("survives a dropped connection", async () => {
    const { go } = await run(call, { drop: true, count: 1 });
    await go();
    expect(await meetings(emu)).toHaveLength(call.afterSuccess);
  });

  it("answers a hang with a timeout error", async () => {
    const { go } = await run(call, { hang: true });
    const error = await providerError(go());
    expect(error.kind).toBe("timeout");
    expect(error.retryable).toBe(true);
  });

  it("does not retry a 4xx, and leaves no half-made meeting", async () => {
    const { go, log } = await run(call, { status: 400, count: 3 });
    const before = (await meetings(emu)).length;
    const error = await providerError(go());
    expect(error).toMatchObject({ kind: call.clientErrorKind, status: 400 });
    expect(error.retryable).toBe(false);
    expect(log.events.filter((e) => e.outcome !== "ok").map((e) => e.attempts)).toEqual([1]);
    // A create that fails takes its meeting with it; other calls change nothing.
    expect((await meetings(emu)).length).toBeLessThanOrEqual(before);
    if (
      call.name !== "update" &&
      call.name !== "get" &&
      call.name !== "delete" &&
      call.name !== "find"
    ) {
      expect(await meetings(emu)).toEqual([]);
    }
  });
});

describe("teams faults: secrets", () => {
  it("puts no join link, passcode, secret or token into any error message", async () => {
    const { teams } = setup();
    const made = await teams.createMeeting(meetingInput(teamsType()));
    const secrets = [made.join.url, made.join.passcode ?? "", ENTRA_DEFAULTS.clientSecret];
    const errors = [];
    await addFault(emu.graph.url, { route: "*", status: 400 });
    errors.push(await providerError(teams.getMeeting(made.ref)));
    errors.push(await providerError(teams.deleteMeeting(made.ref)));
    errors.push(await providerError(teams.updateMeeting(made.ref, meetingInput(teamsType()))));
    await resetEmulator(emu.graph.url);
    await addFault(emu.graph.url, { route: "*", hang: true });
    errors.push(await providerError(teams.getMeeting(made.ref)));
    const wrong = createTeamsProvider(
      teamsConfig(emu, { credential: { kind: "secret", clientSecret: "wrong-secret-value" } }),
    );
    errors.push(await providerError(wrong.ping()));
    secrets.push("wrong-secret-value");
    for (const error of errors) {
      expect(error.message).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/); // no JWT
      for (const secret of secrets) expect(error.message).not.toContain(secret);
    }
  });
});
