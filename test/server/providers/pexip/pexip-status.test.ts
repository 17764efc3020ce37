// The status and command APIs as the waiting room uses them, against the Pexip emulator.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPexipEmulator, type PexipEmulator } from "../../../../src/emulators";
import { createPexipProvider } from "../../../../src/server/providers/pexip";
import { parsePexipTime } from "../../../../src/server/providers/pexip/pexip-status";
import type { VideoProvider } from "../../../../src/server/providers/video-provider";
import { meetingInput, pexipType } from "../helpers";

let emu: PexipEmulator;
let pexip: VideoProvider;

beforeAll(async () => {
  emu = await startPexipEmulator({ port: 0 });
  pexip = createPexipProvider({
    managementUrl: emu.url,
    nodeUrl: emu.url,
    sipDomain: "vmr.region.example",
    auth: { kind: "basic", username: "svm-api", password: "dev-password-not-for-production" },
  });
});
afterAll(() => emu.close());

function join(alias: string, displayName: string, role: "guest" | "chair") {
  const joined = emu.join({ alias, displayName, role });
  if (!joined.ok) throw new Error(joined.reason);
  return joined.participant;
}

describe("pexip provider: the waiting room", () => {
  it("reads Infinity's zone-less UTC timestamps with microseconds", () => {
    expect(parsePexipTime("2026-12-05T09:42:29.046123", 0)).toBe(
      Date.parse("2026-12-05T09:42:29.046Z"),
    );
    expect(parsePexipTime("2026-12-05T09:42:29+01:00", 0)).toBe(Date.parse("2026-12-05T08:42:29Z"));
    expect(parsePexipTime(null, 7)).toBe(7);
    expect(parsePexipTime("not a time", 7)).toBe(7);
  });

  it("lists only its own VMR's calls, lets a held guest in, and skips a call that is gone", async () => {
    const ours = await pexip.createMeeting(meetingInput(pexipType("care")));
    const other = await pexip.createMeeting(meetingInput(pexipType("care")));
    const guest = join(ours.join.alias!, "Bo Berg", "guest");
    join(other.join.alias!, "Annan Gäst", "guest");

    const waiting = await pexip.roomCalls!(ours.ref);
    expect(waiting).toEqual([
      {
        callId: guest.id,
        role: "guest",
        waiting: true,
        connectedAt: expect.any(Number),
        displayName: "Bo Berg",
      },
    ]);
    expect(await pexip.admitCalls!(ours.ref, [guest.id])).toBe(1);
    join(ours.join.alias!, "Vårdgivare", "chair");
    const inMeeting = await pexip.roomCalls!(ours.ref);
    expect(inMeeting.map((c) => [c.role, c.waiting]).sort()).toEqual([
      ["guest", false],
      ["host", false],
    ]);
    expect(await pexip.admitCalls!(ours.ref, ["00000000-0000-4000-8000-000000000000"])).toBe(0);
    await expect(pexip.admitCalls!(ours.ref, ["../conference"])).rejects.toThrow(/not a UUID/);
  });
});
