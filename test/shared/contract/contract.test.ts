import { describe, expect, it } from "vitest";
import {
  ApiError,
  Booking,
  ChangeTypeRequest,
  ClientConfig,
  CreateMeetingRequest,
  CreateMeetingResponse,
  HostLinkResponse,
  IDEMPOTENCY_KEY_HEADER,
  IdempotencyKey,
  JoinData,
  MANAGE_KEY_HEADER,
  UpdateMeetingRequest,
} from "../../../src/shared/contract";

const start = "2026-11-27T09:00:00.000Z";
const end = "2026-11-27T10:00:00.000Z";

const booking = {
  id: "7d4f7c2e-7e43-4c55-9d8b-0f4a3c1f2b6a",
  type: "care",
  service: "pexip",
  start,
  end,
  seriesEnd: null,
  state: "active",
  join: {
    url: "https://pexip.example.org/webapp/m/4711234567/step-by-step?role=guest",
    alias: "4711234567",
    sipUri: "4711234567@pexip.example.org",
  },
  createdAt: "2026-11-20T08:00:00.000Z",
  updatedAt: "2026-11-20T08:00:00.000Z",
};

function messages(result: { success: boolean; error?: { issues: { message: string }[] } }) {
  return result.error?.issues.map((issue) => issue.message) ?? [];
}

describe("CreateMeetingRequest", () => {
  it("accepts the minimal and the full request", () => {
    expect(CreateMeetingRequest.parse({ type: "care", start, end })).toEqual({
      type: "care",
      start,
      end,
    });
    const full = {
      type: "information",
      start,
      end,
      seriesEnd: "2027-01-01T10:00:00Z",
      locale: "en",
    };
    expect(CreateMeetingRequest.parse(full)).toEqual(full);
  });

  it("rejects personal-data carrying keys instead of ignoring them", () => {
    for (const key of ["subject", "attendees", "body", "location"]) {
      const result = CreateMeetingRequest.safeParse({ type: "care", start, end, [key]: "x" });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.code).toBe("unrecognized_keys");
    }
  });

  it("rejects impossible windows", () => {
    expect(
      messages(CreateMeetingRequest.safeParse({ type: "care", start: end, end: start })),
    ).toEqual(["end must be after start"]);
    expect(messages(CreateMeetingRequest.safeParse({ type: "care", start, end: start }))).toEqual([
      "end must be after start",
    ]);
    const long = CreateMeetingRequest.safeParse({
      type: "care",
      start,
      end: "2026-11-28T09:00:01.000Z",
    });
    expect(messages(long)).toEqual(["a meeting may last at most 24 hours"]);
    const exactlyADay = { type: "care", start, end: "2026-11-28T09:00:00.000Z" };
    expect(CreateMeetingRequest.safeParse(exactlyADay).success).toBe(true);
    const series = CreateMeetingRequest.safeParse({
      type: "care",
      start,
      end,
      seriesEnd: "2026-11-27T09:30:00.000Z",
    });
    expect(messages(series)).toEqual(["seriesEnd must not be before end"]);
  });

  it("compares instants, not strings, across offsets", () => {
    const result = CreateMeetingRequest.safeParse({
      type: "care",
      start: "2026-11-27T10:30:00+01:00",
      end: "2026-11-27T10:00:00Z",
    });
    expect(result.success).toBe(true);
  });

  it("rejects unknown types, locales and non-ISO times", () => {
    expect(CreateMeetingRequest.safeParse({ type: "mdk", start, end }).success).toBe(false);
    expect(CreateMeetingRequest.safeParse({ type: "care", start, end, locale: "de" }).success).toBe(
      false,
    );
    expect(
      CreateMeetingRequest.safeParse({ type: "care", start: "27/11 10:00", end }).success,
    ).toBe(false);
  });
});

describe("UpdateMeetingRequest", () => {
  it("needs start and end together, and something to change", () => {
    expect(UpdateMeetingRequest.safeParse({ start, end }).success).toBe(true);
    expect(UpdateMeetingRequest.safeParse({ seriesEnd: null }).success).toBe(true);
    expect(messages(UpdateMeetingRequest.safeParse({ start }))).toEqual([
      "start and end must be given together",
    ]);
    expect(messages(UpdateMeetingRequest.safeParse({}))).toEqual(["nothing to update"]);
    expect(UpdateMeetingRequest.safeParse({ start, end, type: "care" }).success).toBe(false);
    expect(messages(UpdateMeetingRequest.safeParse({ start: end, end: start }))).toEqual([
      "end must be after start",
    ]);
  });
});

describe("responses", () => {
  it("parses a booking and a create response", () => {
    expect(Booking.parse(booking)).toEqual(booking);
    const response = {
      booking,
      manageKey: "q3Jx8fW2mV0yZrL5nT7bC1dE4gH6kP9sU2wX5zA8cB0",
      invitation: { html: "<p>x</p>", text: "x", location: "Skyddat vårdmöte (Pexip)" },
    };
    expect(CreateMeetingResponse.parse(response)).toEqual(response);
  });

  it("refuses join links that are not https", () => {
    expect(JoinData.safeParse({ url: "http://pexip.example.org/x" }).success).toBe(false);
    expect(JoinData.safeParse({ url: "javascript:alert(1)" }).success).toBe(false);
    expect(HostLinkResponse.safeParse({ hostUrl: "http://x.example" }).success).toBe(false);
  });

  it("refuses bookings with local times or unknown states", () => {
    expect(Booking.safeParse({ ...booking, start: "2026-11-27T10:00:00+01:00" }).success).toBe(
      false,
    );
    expect(Booking.safeParse({ ...booking, state: "cancelled" }).success).toBe(false);
  });

  it("parses errors with known codes only", () => {
    const error = {
      error: { code: "provider_timeout", message: "Pexip svarar inte", retryable: true },
    };
    expect(ApiError.parse(error)).toEqual(error);
    expect(ApiError.safeParse({ error: { code: "oops", message: "x" } }).success).toBe(false);
  });

  it("parses both sign-in kinds of the client config", () => {
    const msal = {
      signIn: {
        kind: "msal",
        clientId: "00000000-0000-0000-0000-000000000001",
        authority: "https://login.microsoftonline.com/organizations",
        scopes: ["api://svm.example.org/access_as_user"],
      },
      apiBaseUrl: "https://svm.example.org/api/v1",
      organisationDomains: ["regionvastmanland.se"],
      consumerEmailDomains: ["gmail.com", "hotmail.com"],
      joinHosts: ["vmr.region.se", "teams.microsoft.com"],
    };
    expect(ClientConfig.parse(msal)).toEqual(msal);
    const emulator = {
      ...msal,
      signIn: { kind: "emulator", tokenUrl: "/_emulator/users/token", scopes: ["api://svm/x"] },
    };
    expect(ClientConfig.parse(emulator)).toEqual(emulator);
    expect(ClientConfig.safeParse({ ...msal, signIn: { kind: "none" } }).success).toBe(false);
  });

  it("change-type is strict too", () => {
    expect(ChangeTypeRequest.safeParse({ type: "internal", locale: "sv" }).success).toBe(true);
    expect(ChangeTypeRequest.safeParse({ type: "internal", subject: "x" }).success).toBe(false);
  });
});

describe("header names", () => {
  it("are the agreed ones", () => {
    expect(IDEMPOTENCY_KEY_HEADER).toBe("Idempotency-Key");
    expect(MANAGE_KEY_HEADER).toBe("X-Manage-Key");
    expect(IdempotencyKey.safeParse(crypto.randomUUID()).success).toBe(true);
    expect(IdempotencyKey.safeParse("a b c d e f g").success).toBe(false);
  });

  it("Idempotency-Key is a UUID v4 or v7 and nothing else (no personal data in keys)", () => {
    for (const key of [
      crypto.randomUUID(),
      "0190b3a4-7c1e-7a2b-8c3d-4e5f6a7b8c9d", // v7
      "3F2504E0-4F89-41D3-9A0C-0305E82C3301".replace("11D3", "41D3"),
    ])
      expect(IdempotencyKey.safeParse(key).success, key).toBe(true);
    for (const key of [
      "19121212-1212",
      "191212121212",
      "701063-2391",
      "c232ab00-9414-11ec-b3c8-9f6bdeced846", // v1
      "00000000-0000-0000-0000-000000000000",
      "0190b3a4-7c1e-7a2b-cc3d-4e5f6a7b8c9d", // wrong variant
      `${crypto.randomUUID()} `,
      "key-0001-abcd",
    ])
      expect(IdempotencyKey.safeParse(key).success, key).toBe(false);
  });
});
