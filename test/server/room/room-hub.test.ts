// One upstream poll per room whatever the number of viewers, and none once nobody watches.
// Time is a manual clock: the assertions count calls, they never wait for time.
import { describe, expect, it } from "vitest";
import type { RoomCall } from "../../../src/server/providers/video-provider";
import { RoomHub, type RoomPoll, type RoomTimers } from "../../../src/server/room/room-hub";

function manualTimers() {
  let now = 0;
  let sleepers: Array<{ at: number; resolve: () => void }> = [];
  const timers: RoomTimers = {
    now: () => now,
    sleep: (ms) => new Promise<void>((resolve) => sleepers.push({ at: now + ms, resolve })),
  };
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    timers,
    settle,
    /** Moves time forward one second at a time, letting every due loop run. */
    async advance(ms: number) {
      for (let step = 0; step < ms; step += 1000) {
        now += 1000;
        const due = sleepers.filter((s) => s.at <= now);
        sleepers = sleepers.filter((s) => s.at > now);
        for (const s of due) s.resolve();
        await settle();
      }
    },
  };
}

const CALL: RoomCall = {
  callId: "0f0e0d0c-0000-4000-8000-000000000001",
  role: "guest",
  waiting: true,
  connectedAt: 0,
  displayName: "Tolvan Tolvansson",
};

function counted() {
  let calls = 0;
  return {
    poll: () => {
      calls += 1;
      return Promise.resolve([CALL]);
    },
    get calls() {
      return calls;
    },
  };
}

describe("RoomHub", () => {
  for (const viewers of [1, 50]) {
    it(`polls a room once per interval for ${viewers} viewer(s), and stops when they leave`, async () => {
      const clock = manualTimers();
      const hub = new RoomHub({ intervalMs: 3000, timers: clock.timers });
      const upstream = counted();
      const seen: number[] = Array.from({ length: viewers }, () => 0);
      const stops = seen.map((_, i) =>
        hub.watch("pexip:1", upstream.poll, () => {
          seen[i]! += 1;
        }),
      );
      await clock.settle();
      await clock.advance(60_000);
      // Polls at 0, 3, …, 60 s: 21 in the minute's closed interval, one per 3 s.
      expect(upstream.calls).toBe(21);
      expect(hub.upstreamPolls).toBe(21);
      expect(seen.every((n) => n === 21)).toBe(true);
      for (const stop of stops) stop();
      await clock.advance(60_000);
      expect(upstream.calls).toBe(21);
      expect(hub.watched).toBe(0);
    });
  }

  it("keeps separate rooms separate", async () => {
    const clock = manualTimers();
    const hub = new RoomHub({ intervalMs: 3000, timers: clock.timers });
    const a = counted();
    const b = counted();
    const stopA = hub.watch("pexip:1", a.poll, () => {});
    const stopB = hub.watch("pexip:2", b.poll, () => {});
    await clock.advance(9000);
    expect([a.calls, b.calls]).toEqual([4, 4]);
    stopA();
    stopB();
  });

  it("does not poll early when a pane closes and reopens within the interval", async () => {
    const clock = manualTimers();
    const hub = new RoomHub({ intervalMs: 3000, timers: clock.timers });
    const upstream = counted();
    const first = await hub.next("pexip:1", upstream.poll);
    expect(first.ok).toBe(true);
    await clock.advance(1000);
    const again = hub.next("pexip:1", upstream.poll);
    await clock.settle();
    expect(upstream.calls).toBe(1);
    await clock.advance(2000);
    await again;
    expect(upstream.calls).toBe(2);
  });

  it("hands names to listeners but keeps none between polls", async () => {
    const clock = manualTimers();
    const hub = new RoomHub({ intervalMs: 3000, timers: clock.timers });
    const upstream = counted();
    let delivered: RoomPoll | undefined;
    const stop = hub.watch("pexip:1", upstream.poll, (poll) => {
      delivered = poll;
    });
    await clock.settle();
    expect(delivered?.ok && delivered.calls[0]?.displayName).toBe("Tolvan Tolvansson");
    const current = await hub.currentCalls("pexip:1", upstream.poll);
    expect(upstream.calls).toBe(1);
    expect(JSON.stringify(current)).not.toContain("Tolvan");
    expect(current.ok && current.calls[0]?.callId).toBe(CALL.callId);
    stop();
  });

  it("tells listeners when the video service fails, and goes on polling", async () => {
    const clock = manualTimers();
    const hub = new RoomHub({ intervalMs: 3000, timers: clock.timers });
    let n = 0;
    const results: boolean[] = [];
    const stop = hub.watch(
      "pexip:1",
      () => (++n === 1 ? Promise.reject(new Error("503")) : Promise.resolve([CALL])),
      (poll) => results.push(poll.ok),
    );
    await clock.settle();
    await clock.advance(3000);
    expect(results).toEqual([false, true]);
    stop();
  });
});
