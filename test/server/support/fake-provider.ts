// An in-memory VideoProvider for the service's own tests where no emulator exists yet (Teams)
// or where a fault must hit one exact call. It behaves like the contract says: create is
// idempotent per meeting key, delete of a missing meeting is success.
import { randomUUID } from "node:crypto";
import type { ServiceId } from "../../../src/shared";
import { ProviderError, type ProviderOperation } from "../../../src/server/errors";
import type {
  CreateMeetingInput,
  CreatedMeeting,
  ProviderRef,
  VideoProvider,
} from "../../../src/server/providers/video-provider";

export interface FakeProvider extends VideoProvider {
  meetings: Map<string, { key: string; ref: ProviderRef }>;
  /** Makes the next call(s) of an operation fail (or hang until `release`). */
  failNext(operation: ProviderOperation, kind?: ProviderError["kind"], times?: number): void;
  calls: Array<{ operation: ProviderOperation; key?: string }>;
}

export function createFakeProvider(service: ServiceId): FakeProvider {
  const meetings = new Map<string, { key: string; ref: ProviderRef }>();
  const failures: Array<{ operation: ProviderOperation; kind: ProviderError["kind"] }> = [];
  const calls: FakeProvider["calls"] = [];
  const step = async (operation: ProviderOperation, key?: string) => {
    calls.push({ operation, key });
    await Promise.resolve();
    const index = failures.findIndex((f) => f.operation === operation);
    if (index >= 0) {
      const [f] = failures.splice(index, 1);
      throw new ProviderError(service, operation, f!.kind, f!.kind === "rejected" ? 400 : 503);
    }
  };
  const create = (input: CreateMeetingInput): CreatedMeeting => {
    const existing = [...meetings.values()].find((m) => m.key === input.bookingId);
    const ref = existing?.ref ?? {
      service,
      externalId: randomUUID(),
      data: { key: input.bookingId },
    };
    meetings.set(ref.externalId, { key: input.bookingId, ref });
    return {
      ref,
      join: {
        url: `https://meet.example.test/${service}/${ref.externalId}`,
        meetingId: "123 456 789",
      },
      host: { pin: "24681357" },
    };
  };
  return {
    service,
    meetings,
    calls,
    failNext(operation, kind = "unavailable", times = 1) {
      for (let i = 0; i < times; i++) failures.push({ operation, kind });
    },
    async createMeeting(input) {
      await step("create", input.bookingId);
      return create(input);
    },
    async updateMeeting() {
      await step("update");
    },
    async deleteMeeting(ref) {
      await step("delete");
      meetings.delete(ref.externalId);
    },
    async getMeeting(ref) {
      await step("get");
      return { exists: meetings.has(ref.externalId) };
    },
    async findByBookingId(key) {
      await step("find", key);
      return [...meetings.values()].find((m) => m.key === key)?.ref ?? null;
    },
    async listOurs() {
      await step("list");
      return null;
    },
    hostUrl(_ref, join, host) {
      return `${join.url}?host=${host.pin ?? "sso"}`;
    },
    async ping() {
      await step("ping");
    },
  };
}
