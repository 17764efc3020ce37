// Shared by the provider tests: the emulators' HTTP control endpoints (the contract), meeting
// types from the built-in policy, and a recording clock so retries wait for nothing.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import {
  DEFAULT_POLICY,
  type MeetingType,
  type PexipMeetingType,
  type TeamsMeetingType,
} from "../../../src/shared";
import { ProviderError } from "../../../src/server/errors";
import type { HttpCallEvent } from "../../../src/server/http";
import type { CreateMeetingInput } from "../../../src/server/providers/video-provider";
import { recordingClock } from "../http/test-server";

export { recordingClock };

export async function addFault(baseUrl: string, fault: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${baseUrl}/_emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(fault),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
}

export async function emulatorState<T>(baseUrl: string): Promise<T> {
  const res = await fetch(`${baseUrl}/_emulator/state`);
  return (await res.json()) as T;
}

export async function resetEmulator(baseUrl: string): Promise<void> {
  await fetch(`${baseUrl}/_emulator/reset`, { method: "POST" });
}

export function pexipType(id = "care"): PexipMeetingType {
  const type = DEFAULT_POLICY.types.find((t) => t.id === id);
  if (type?.service !== "pexip") throw new Error(`no pexip type ${id}`);
  return type;
}

export function teamsType(id = "information"): TeamsMeetingType {
  const type = DEFAULT_POLICY.types.find((t) => t.id === id);
  if (type?.service !== "teams") throw new Error(`no teams type ${id}`);
  return type;
}

export const ORGANIZER = { oid: "7d1c0b7e-2a44-4f55-9a1e-3c0de0000001", tid: "t" };

export function meetingInput(type: MeetingType, overrides: Partial<CreateMeetingInput> = {}) {
  const start = new Date("2030-05-06T08:00:00.000Z");
  return {
    bookingId: randomUUID(),
    type,
    policy: DEFAULT_POLICY,
    window: { start, end: new Date(start.getTime() + 3_600_000), seriesEnd: null },
    organizer: ORGANIZER,
    ...overrides,
  } satisfies CreateMeetingInput;
}

export async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

/** Records HTTP call events; `count(op)` = how many logical requests of that operation ran. */
export function callLog() {
  const events: HttpCallEvent[] = [];
  return {
    events,
    observe: (e: HttpCallEvent) => events.push(e),
    count: (operation: HttpCallEvent["operation"]) =>
      events.filter((e) => e.operation === operation).length,
  };
}

/** A CSPRNG stand-in that yields the given digits first, then real randomness. */
export function scriptedDigits(...runs: string[]): (max: number) => number {
  const queue = runs.join("").split("").map(Number);
  return (max) => {
    const next = queue.shift();
    return next !== undefined && next < max ? next : Math.floor(Math.random() * max);
  };
}
