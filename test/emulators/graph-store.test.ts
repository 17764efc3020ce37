import { describe, expect, it } from "vitest";
import { buildMeeting } from "../../src/emulators/graph/meeting-factory";
import { MeetingStore, renderMeeting } from "../../src/emulators/graph/meeting-store";
import { DEFAULT_TENANT } from "../../src/emulators/graph/tenants";

const TENANT_A = "5b0f2c1a-6c2d-4e7a-9b1e-2f6a1d3c4e5f";
const TENANT_B = "0f0f0f0f-1111-4222-8333-444444444444";
const USER = "11111111-2222-5333-8444-555555555555";

function stored(tenantId: string, externalId: string) {
  const meeting = buildMeeting({
    tenantId,
    organizerOid: USER,
    body: { externalId },
    startMs: Date.parse("2030-01-01T10:00:00Z"),
    endMs: Date.parse("2030-01-01T11:00:00Z"),
    tenant: DEFAULT_TENANT,
    nowMs: Date.now(),
  });
  return { tenantId, organizerOid: USER, meeting };
}

describe("Graph meeting store", () => {
  it("keys createOrGet by tenant as well as user and externalId", () => {
    const store = new MeetingStore();
    const a = stored(TENANT_A, "booking-1");
    store.add(a);
    expect(store.findByExternalId(TENANT_A, USER, "booking-1")).toBe(a);
    expect(store.findByExternalId(TENANT_B, USER, "booking-1")).toBeUndefined();
    expect(store.get(TENANT_B, USER, a.meeting.id)).toBeUndefined();
    const b = stored(TENANT_B, "booking-1");
    store.add(b);
    expect(store.findByExternalId(TENANT_B, USER, "booking-1")).toBe(b);
  });

  it("after a delete, createOrGet finds another meeting with that externalId, else none", () => {
    const store = new MeetingStore();
    const first = stored(TENANT_A, "dup");
    const second = stored(TENANT_A, "dup");
    store.add(first);
    store.add(second);
    expect(store.findByExternalId(TENANT_A, USER, "dup")).toBe(first);
    store.delete(first.meeting.id);
    expect(store.findByExternalId(TENANT_A, USER, "dup")).toBe(second);
    store.delete(second.meeting.id);
    expect(store.findByExternalId(TENANT_A, USER, "dup")).toBeUndefined();
  });

  it("renders evolvable lobby scopes as unknownFutureValue unless asked, without changing the stored value", () => {
    const s = stored(TENANT_A, "x");
    s.meeting.lobbyBypassSettings.scope = "organizationExcludingGuests";
    expect(renderMeeting(s.meeting, false).lobbyBypassSettings.scope).toBe("unknownFutureValue");
    expect(renderMeeting(s.meeting, true).lobbyBypassSettings.scope).toBe(
      "organizationExcludingGuests",
    );
    expect(s.meeting.lobbyBypassSettings.scope).toBe("organizationExcludingGuests");
  });
});
