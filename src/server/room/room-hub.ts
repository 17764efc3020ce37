// One upstream poll per watched room, whatever the number of panes watching it. Each room has a
// loop that asks the video service at most once per `intervalMs` while anyone listens and stops
// when the last listener leaves. The answer (display names included) goes to the listeners and
// is then dropped: what the hub keeps between polls is only call ids, roles, waiting flags and
// connect times — what "Släpp in" needs to find a call again.
import type { RoomCall } from "../providers/video-provider";

export interface RoomTimers {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTimers: RoomTimers = {
  now: () => Date.now(),
  sleep: (ms) =>
    new Promise((resolve) => {
      // A watched room must not keep the process alive on shutdown.
      setTimeout(resolve, ms).unref();
    }),
};

export type RoomPoll =
  { ok: true; calls: readonly RoomCall[]; at: number } | { ok: false; error: unknown; at: number };

export type RoomListener = (poll: RoomPoll) => void;

/** A call as kept between polls: no display name. */
export type KeptCall = Omit<RoomCall, "displayName">;

interface Room {
  poll: () => Promise<RoomCall[]>;
  listeners: Set<RoomListener>;
  lastPollAt: number | null;
  running: boolean;
  kept: { calls: KeptCall[]; at: number } | null;
}

export interface RoomHubOptions {
  /** At most one upstream call per room in this time (default 3 s). */
  intervalMs: number;
  timers?: RoomTimers;
}

export class RoomHub {
  private readonly rooms = new Map<string, Room>();
  private readonly timers: RoomTimers;
  private polls = 0;

  constructor(private readonly options: RoomHubOptions) {
    this.timers = options.timers ?? realTimers;
  }

  /** Upstream calls made so far (tests and the bench count them). */
  get upstreamPolls(): number {
    return this.polls;
  }

  /** Rooms someone is watching now. */
  get watched(): number {
    let n = 0;
    for (const room of this.rooms.values()) if (room.listeners.size > 0) n += 1;
    return n;
  }

  /**
   * `listener` gets every poll of room `key` until the returned function is called. The first
   * watcher's `poll` is the one used (every watcher of a key asks the same thing).
   */
  watch(key: string, poll: () => Promise<RoomCall[]>, listener: RoomListener): () => void {
    this.prune();
    let room = this.rooms.get(key);
    if (!room) {
      room = { poll, listeners: new Set(), lastPollAt: null, running: false, kept: null };
      this.rooms.set(key, room);
    }
    room.listeners.add(listener);
    if (!room.running) void this.run(room);
    const watched = room;
    return () => {
      watched.listeners.delete(listener);
    };
  }

  /** The next poll of room `key` (a one-off view: GET /room). */
  next(key: string, poll: () => Promise<RoomCall[]>): Promise<RoomPoll> {
    return new Promise((resolve) => {
      const stop = this.watch(key, poll, (result) => {
        stop();
        resolve(result);
      });
    });
  }

  /**
   * The calls of the latest poll if it is recent (within two intervals), else of the next one:
   * what "Släpp in" acts on. Names are never needed for that, so none are returned.
   */
  async currentCalls(
    key: string,
    poll: () => Promise<RoomCall[]>,
  ): Promise<{ ok: true; calls: readonly KeptCall[] } | { ok: false; error: unknown }> {
    const kept = this.rooms.get(key)?.kept;
    if (kept && this.timers.now() - kept.at < 2 * this.options.intervalMs)
      return { ok: true, calls: kept.calls };
    const result = await this.next(key, poll);
    return result.ok ? { ok: true, calls: result.calls.map(withoutName) } : result;
  }

  private async run(room: Room): Promise<void> {
    room.running = true;
    try {
      while (room.listeners.size > 0) {
        const wait =
          room.lastPollAt === null
            ? 0
            : room.lastPollAt + this.options.intervalMs - this.timers.now();
        if (wait > 0) {
          await this.timers.sleep(wait);
          continue;
        }
        const at = this.timers.now();
        room.lastPollAt = at;
        this.polls += 1;
        let result: RoomPoll;
        try {
          result = { ok: true, calls: await room.poll(), at };
        } catch (error) {
          result = { ok: false, error, at };
        }
        room.kept = result.ok ? { calls: result.calls.map(withoutName), at } : null;
        for (const listener of [...room.listeners]) listener(result);
      }
    } finally {
      room.running = false;
    }
  }

  /**
   * Forgets rooms nobody watches once their interval is over; until then a room's last poll
   * time stays, so a pane that reopens at once cannot cause an early upstream call.
   */
  private prune(): void {
    const now = this.timers.now();
    for (const [key, room] of this.rooms) {
      const quiet =
        room.lastPollAt === null || now - room.lastPollAt >= 2 * this.options.intervalMs;
      if (!room.running && room.listeners.size === 0 && quiet) this.rooms.delete(key);
    }
  }
}

function withoutName({ callId, role, waiting, connectedAt }: RoomCall): KeptCall {
  return { callId, role, waiting, connectedAt };
}
