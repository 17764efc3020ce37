// Client-chosen ids are random UUIDs and nothing else: the Idempotency-Key the pane sends with
// create and change-type. An identity number in its place is refused before anything happens.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateMeetingResponse } from "../../../src/shared";
import { startTestApp, type TestApp } from "../support/test-app";

const hour = 3_600_000;
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { RATE_LIMIT_PER_USER: "1000" } });
});
afterAll(() => t.close());

async function book(): Promise<CreateMeetingResponse> {
  const start = Date.now() + hour;
  const res = await t.app.inject({
    method: "POST",
    url: "/api/v1/meetings",
    headers: { authorization: `Bearer ${await t.token()}`, "idempotency-key": randomUUID() },
    payload: {
      type: "care",
      start: new Date(start).toISOString(),
      end: new Date(start + hour).toISOString(),
    },
  });
  expect(res.statusCode).toBe(201);
  return CreateMeetingResponse.parse(res.json());
}

describe("the Idempotency-Key on change-type", () => {
  it("is refused when it is not a UUID v4/v7, and the type stays", async () => {
    const made = await book();
    const change = async (key: string) =>
      t.app.inject({
        method: "POST",
        url: `/api/v1/meetings/${made.booking.id}/change-type`,
        headers: {
          authorization: `Bearer ${await t.token()}`,
          "x-manage-key": made.manageKey,
          "idempotency-key": key,
        },
        payload: { type: "information" },
      });
    const refused = await change("19121212-1212");
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain("UUID");
    expect(t.emu.pexip.state().conferences).toHaveLength(1);
    const changed = await change(randomUUID());
    expect(changed.statusCode).toBe(200);
    expect(changed.json().booking.type).toBe("information");
  });
});
