// Faults injected with POST /_emulator/faults at every call the Pexip provider makes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startPexipEmulator, type PexipEmulator, type PexipState } from "../../../../src/emulators";
import { createPexipProvider, type PexipConfigInput } from "../../../../src/server/providers/pexip";
import type { VideoProvider } from "../../../../src/server/providers/video-provider";
import {
  addFault,
  callLog,
  emulatorState,
  meetingInput,
  pexipType,
  providerError,
  recordingClock,
  resetEmulator,
} from "../helpers";

const API = "/api/admin/configuration/v1/conference/";
const PASSWORD = "dev-password-not-for-production";

let emu: PexipEmulator;
beforeAll(async () => {
  emu = await startPexipEmulator({ port: 0 });
});
afterAll(() => emu.close());
beforeEach(() => resetEmulator(emu.url));

function setup(useOAuth = false) {
  const clock = recordingClock();
  const log = callLog();
  const auth: PexipConfigInput["auth"] = useOAuth
    ? {
        kind: "oauth2",
        clientId: emu.oauth2?.clientId ?? "",
        privateKeyPem: emu.oauth2?.privateKeyPem ?? "",
      }
    : { kind: "basic", username: "svm-api", password: PASSWORD };
  const pexip = createPexipProvider(
    {
      managementUrl: emu.url,
      nodeUrl: emu.url,
      sipDomain: "vmr.region.example",
      auth,
      http: { attemptTimeoutMs: 150, deadlineMs: 1_500, baseDelayMs: 20, maxAttempts: 4 },
    },
    { clock, observe: log.observe },
  );
  return { pexip, clock, log };
}

interface Call {
  operation: "create" | "get" | "delete" | "find" | "list" | "ping" | "token";
  /** Runs the provider call; `route` is where the fault goes. */
  prepare(pexip: VideoProvider): Promise<{ route: string; run: () => Promise<unknown> }>;
  oauth?: boolean;
  /** The kind a 4xx becomes. */
  clientErrorKind: "rejected" | "not_authorized";
}

const made = async (pexip: VideoProvider) => pexip.createMeeting(meetingInput(pexipType()));

const calls: Call[] = [
  {
    operation: "create",
    clientErrorKind: "rejected",
    prepare: (pexip) =>
      Promise.resolve({
        route: `POST ${API}`,
        run: () => pexip.createMeeting(meetingInput(pexipType())),
      }),
  },
  {
    operation: "get",
    clientErrorKind: "rejected",
    prepare: async (pexip) => {
      const { ref } = await made(pexip);
      return { route: `GET ${API}${ref.externalId}/`, run: () => pexip.getMeeting(ref) };
    },
  },
  {
    operation: "delete",
    clientErrorKind: "rejected",
    prepare: async (pexip) => {
      const { ref } = await made(pexip);
      return { route: `DELETE ${API}${ref.externalId}/`, run: () => pexip.deleteMeeting(ref) };
    },
  },
  {
    operation: "find",
    clientErrorKind: "rejected",
    prepare: async (pexip) => {
      const input = meetingInput(pexipType());
      await pexip.createMeeting(input);
      return {
        route: `GET ${API}`,
        run: () => pexip.findByBookingId(input.bookingId, input.organizer),
      };
    },
  },
  {
    operation: "list",
    clientErrorKind: "rejected",
    prepare: async (pexip) => {
      await made(pexip);
      return { route: `GET ${API}`, run: () => pexip.listOurs() };
    },
  },
  {
    operation: "ping",
    clientErrorKind: "rejected",
    prepare: (pexip) => Promise.resolve({ route: `GET ${API}`, run: () => pexip.ping() }),
  },
  {
    operation: "token",
    oauth: true,
    clientErrorKind: "not_authorized",
    prepare: (pexip) => Promise.resolve({ route: "POST /oauth/token/", run: () => pexip.ping() }),
  },
];

const conferences = async () => (await emulatorState<PexipState>(emu.url)).conferences;

describe.each(calls)("pexip $operation under faults", (call) => {
  it("retries 5xx and succeeds", async () => {
    const { pexip, log } = setup(call.oauth);
    const { route, run } = await call.prepare(pexip);
    await addFault(emu.url, { route, status: 503, count: 2 });
    await run();
    expect(log.events.filter((e) => e.operation === call.operation).at(-1)).toMatchObject({
      outcome: "ok",
      attempts: 3,
    });
  });

  it("waits as long as a 429's Retry-After says", async () => {
    const { pexip, clock } = setup(call.oauth);
    const { route, run } = await call.prepare(pexip);
    await addFault(emu.url, { route, status: 429, retryAfter: 1, count: 1 });
    await run();
    expect(clock.sleeps).toContain(1000);
  });

  it("retries a dropped connection", async () => {
    const { pexip, log } = setup(call.oauth);
    const { route, run } = await call.prepare(pexip);
    await addFault(emu.url, { route, drop: true, count: 1 });
    await run();
    expect(log.events.filter((e) => e.operation === call.operation).at(-1)).toMatchObject({
      outcome: "ok",
      attempts: 2,
    });
  });

  it("answers a hang with a timeout error", async () => {
    const { pexip } = setup(call.oauth);
    const { route, run } = await call.prepare(pexip);
    await addFault(emu.url, { route, hang: true });
    const error = await providerError(run());
    expect(error).toMatchObject({ provider: "pexip", operation: call.operation, kind: "timeout" });
    expect(error.retryable).toBe(true);
  });

  it("does not retry a 4xx", async () => {
    const { pexip, log } = setup(call.oauth);
    const { route, run } = await call.prepare(pexip);
    await addFault(emu.url, { route, status: 400, count: 3 });
    const error = await providerError(run());
    expect(error).toMatchObject({
      operation: call.operation,
      kind: call.clientErrorKind,
      status: 400,
    });
    expect(error.retryable).toBe(false);
    expect(log.events.filter((e) => e.operation === call.operation).at(-1)?.attempts).toBe(1);
  });
});

describe("pexip faults: what is left behind", () => {
  it("makes exactly one VMR when the first POSTs fail with 5xx", async () => {
    const { pexip } = setup();
    await addFault(emu.url, { route: `POST ${API}`, status: 502, count: 2 });
    await pexip.createMeeting(meetingInput(pexipType()));
    expect(await conferences()).toHaveLength(1);
  });

  it("puts no PIN, alias, link or password into any error message", async () => {
    const { pexip } = setup();
    const created = await pexip.createMeeting(meetingInput(pexipType()));
    const secrets = [created.host.pin ?? "", created.join.alias ?? "", created.join.url, PASSWORD];
    await addFault(emu.url, { route: "*", status: 400 });
    const errors = await Promise.all([
      providerError(pexip.getMeeting(created.ref)),
      providerError(pexip.deleteMeeting(created.ref)),
      providerError(pexip.createMeeting(meetingInput(pexipType()))),
    ]);
    await resetEmulator(emu.url);
    await addFault(emu.url, { route: "*", hang: true });
    errors.push(await providerError(pexip.getMeeting(created.ref)));
    for (const error of errors) {
      for (const secret of secrets) expect(error.message).not.toContain(secret);
    }
  });
});
