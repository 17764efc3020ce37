// The soak's load: users who book, change the type of, move and remove their meetings, each
// create with its own Idempotency-Key. A fifth of the creates are sent twice at once (a pane's
// retry racing its first attempt, each to any instance): both answers must name one booking.
// The ledger is what the clients believe at the end, for the invariants.
import { randomInt, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { type ApiClient, type Answer, errorCode } from "./api";

export const TYPES = ["care", "information", "internal"] as const;

export interface Held {
  key: string;
  bookingId: string;
  manageKey: string;
  type: string;
  /** What the client was last told; "unknown" when a removal ran out of retries. */
  state: "active" | "removed" | "unknown";
}

export interface Ledger {
  /** Keys whose create was answered 201. */
  held: Held[];
  /** Keys whose create got a final refusal (status code) or ran out of retries ("gave up"). */
  unanswered: Array<{ key: string; outcome: string }>;
  /** Two answers for one key that named different bookings. */
  splitKeys: string[];
  /** Operations that finished, per kind; and final refusals per kind and status. */
  done: Map<string, number>;
  refused: Map<string, number>;
}

export function newLedger(): Ledger {
  return { held: [], unanswered: [], splitKeys: [], done: new Map(), refused: new Map() };
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

const HOUR = 3_600_000;

/** A one-hour window on a whole hour, 1 to 60 days ahead. */
function window(): { start: string; end: string } {
  const start = new Date(Date.now() + randomInt(1, 60) * 24 * HOUR + randomInt(0, 12) * HOUR);
  start.setUTCMinutes(0, 0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + HOUR).toISOString() };
}

function otherType(type: string): string {
  const others = TYPES.filter((t) => t !== type);
  return others[randomInt(0, others.length)]!;
}

function bookingOf(answer: Answer): { id: string; manageKey?: string } | null {
  const body = answer.body as { booking?: { id?: string }; manageKey?: string } | null;
  return body?.booking?.id ? { id: body.booking.id, manageKey: body.manageKey } : null;
}

/** One user's session: runs operations until `until()` says stop, then returns. */
export async function runClient(api: ApiClient, ledger: Ledger, until: () => boolean) {
  const mine: Held[] = [];
  const active = () => mine.filter((h) => h.state === "active");

  function outcome(kind: string, answer: Answer, ok: number[]): boolean {
    if (ok.includes(answer.status)) {
      bump(ledger.done, kind);
      return true;
    }
    const code = errorCode(answer.body);
    bump(
      ledger.refused,
      `${kind} ${answer.gaveUp ? "gave up " : ""}${answer.status}${code ? ` ${code}` : ""}`,
    );
    return false;
  }

  async function create(): Promise<void> {
    const key = randomUUID();
    const type = TYPES[randomInt(0, TYPES.length)]!;
    const request = {
      body: { type, ...window() },
      headers: { "idempotency-key": key },
      route: "POST /meetings",
    };
    const twice = randomInt(0, 5) === 0;
    const answers = await Promise.all(
      (twice ? [1, 2] : [1]).map(() => api.call("POST", "/api/v1/meetings", request)),
    );
    const made = answers.filter((a) => a.status === 201).map(bookingOf);
    const ids = new Set(made.map((m) => m?.id));
    if (ids.size > 1) ledger.splitKeys.push(key);
    const first = answers.find((a) => a.status === 201);
    if (!outcome("create", first ?? answers[0]!, [201])) {
      const last = answers[0]!;
      ledger.unanswered.push({
        key,
        outcome: last.gaveUp ? "gave up" : `${last.status} ${errorCode(last.body) ?? ""}`,
      });
      return;
    }
    const booking = bookingOf(first!)!;
    const held: Held = {
      key,
      bookingId: booking.id,
      manageKey: booking.manageKey ?? "",
      type,
      state: "active",
    };
    mine.push(held);
    ledger.held.push(held);
  }

  async function changeType(held: Held): Promise<void> {
    const type = otherType(held.type);
    const answer = await api.call("POST", `/api/v1/meetings/${held.bookingId}/change-type`, {
      body: { type },
      headers: { "x-manage-key": held.manageKey },
      route: "POST /meetings/:id/change-type",
    });
    if (outcome("change-type", answer, [200])) held.type = type;
  }

  async function move(held: Held): Promise<void> {
    const answer = await api.call("PATCH", `/api/v1/meetings/${held.bookingId}`, {
      body: window(),
      headers: { "x-manage-key": held.manageKey },
      route: "PATCH /meetings/:id",
    });
    outcome("time-change", answer, [200]);
  }

  async function remove(held: Held): Promise<void> {
    const answer = await api.call("DELETE", `/api/v1/meetings/${held.bookingId}`, {
      headers: { "x-manage-key": held.manageKey },
      route: "DELETE /meetings/:id",
    });
    if (outcome("remove", answer, [204])) held.state = "removed";
    else if (answer.gaveUp) held.state = "unknown";
  }

  while (!until()) {
    const live = active();
    const roll = randomInt(0, 100);
    const target = live[randomInt(0, Math.max(live.length, 1))];
    if (!target || live.length < 2 || roll < 25) await create();
    else if (roll < 50) await changeType(target);
    else if (roll < 75) await move(target);
    else await remove(target);
    // A person at a pane, not a load generator: a short pause between actions.
    await sleep(randomInt(100, 400));
  }
}
