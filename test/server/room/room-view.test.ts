import { describe, expect, it } from "vitest";
import type { RoomCall } from "../../../src/server/providers/video-provider";
import { buildRoomView, initialsOf } from "../../../src/server/room/room-view";

const call = (over: Partial<RoomCall>): RoomCall => ({
  callId: "c1",
  role: "guest",
  waiting: true,
  connectedAt: 0,
  displayName: "Tolvan Tolvansson",
  ...over,
});
const base = {
  at: 200_000,
  limit: 15,
  names: "initials" as const,
  over: false,
  idFor: (id: string) => `id-${id}`,
};

describe("room view", () => {
  it("takes initials from the first and last word", () => {
    expect(initialsOf("Tolvan Tolvansson")).toBe("TT");
    expect(initialsOf("anna-karin von svensson")).toBe("AS");
    expect(initialsOf("Åsa")).toBe("Å");
    expect(initialsOf("  12 ")).toBeUndefined();
  });

  it("says waiting, longest first, with initials only under the initials policy", () => {
    const view = buildRoomView({
      ...base,
      calls: [
        call({ callId: "b", connectedAt: 100_000, displayName: "Bo Berg" }),
        call({ callId: "a" }),
        call({ callId: "h", role: "host", waiting: false }),
      ],
    });
    expect(view).toMatchObject({
      state: "waiting",
      counts: { waiting: 2, guests: 0, hosts: 1, limit: 15 },
      waiting: [
        { id: "id-a", waitedSeconds: 200, initials: "TT" },
        { id: "id-b", waitedSeconds: 100, initials: "BB" },
      ],
    });
    expect(JSON.stringify(view)).not.toContain("Tolvan");
  });

  it("gives the name under the names policy, and says in progress, empty and ended", () => {
    expect(buildRoomView({ ...base, names: "names", calls: [call({})] }).waiting[0]).toEqual({
      id: "id-c1",
      waitedSeconds: 200,
      displayName: "Tolvan Tolvansson",
    });
    expect(buildRoomView({ ...base, calls: [call({ waiting: false })] })).toMatchObject({
      state: "in_progress",
      counts: { guests: 1 },
    });
    expect(buildRoomView({ ...base, calls: [] }).state).toBe("empty");
    expect(buildRoomView({ ...base, over: true, calls: [] }).state).toBe("ended");
  });
});
