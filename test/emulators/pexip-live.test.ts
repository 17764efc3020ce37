// Pexip's status and command APIs in the emulator: callers join a VMR, Guests wait for a Host
// or for the lock, a Host admits them, and everyone leaves; all over real HTTP with Basic auth.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  LAST_HOST_GRACE_MS,
  startPexipEmulator,
  type JoinRequest,
  type PexipEmulator,
} from "../../src/emulators";
import { CONF, call, manualClock, pexip } from "./helpers";

const STATUS = "/api/admin/status/v1";
const COMMAND = "/api/admin/command/v1";

let emu: PexipEmulator;
let api: ReturnType<typeof pexip>;
const clock = manualClock();

interface Participant {
  id: string;
  role: string;
  is_on_hold: boolean;
  has_media: boolean;
  conference: string;
  display_name: string;
  service_tag: string;
}
interface Conference {
  id: string;
  name: string;
  is_locked: boolean;
  is_started: boolean;
}

beforeAll(async () => {
  emu = await startPexipEmulator({ port: 0, now: clock.now, rateLimit: false });
  api = pexip(emu.url);
});
afterAll(() => emu.close());
beforeEach(async () => {
  emu.reset();
  await api("POST", CONF, {
    name: "svm-room",
    tag: "skyddat-vardmote",
    pin: "11112222",
    allow_guests: true,
    participant_limit: 3,
    aliases: [{ alias: "910012345678" }],
  });
});

async function join(request: Partial<JoinRequest> & { displayName: string }) {
  const res = await call(emu.url, "POST", "/_emulator/participants", {
    body: { alias: "910012345678", ...request },
  });
  return { status: res.status, body: res.body as Participant };
}

async function participants(query = ""): Promise<Participant[]> {
  const res = await api("GET", `${STATUS}/participant/${query}`);
  expect(res.status).toBe(200);
  return (res.body as { objects: Participant[] }).objects;
}

async function conference(): Promise<Conference> {
  const res = await api("GET", `${STATUS}/conference/?name=svm-room`);
  return (res.body as { objects: Conference[] }).objects[0]!;
}

const held = async () => (await participants("?is_on_hold=true")).map((p) => p.display_name).sort();

describe("Pexip status API", () => {
  it("a Guest who comes first waits for the Host; the Host's arrival lets Guests in", async () => {
    const guest = await join({ displayName: "Gäst Ett" });
    expect(guest.status).toBe(201);
    expect(guest.body).toMatchObject({ role: "guest", is_on_hold: true, has_media: false });
    expect(await conference()).toMatchObject({ is_started: false, is_locked: false });
    const host = await join({ displayName: "Värd", pin: "11112222" });
    expect(host.body).toMatchObject({ role: "chair", is_on_hold: false });
    expect(await held()).toEqual([]);
    expect(await conference()).toMatchObject({ is_started: true });
    const [one] = await participants(`?conference=svm-room&role=guest`);
    expect(one).toMatchObject({ service_tag: "skyddat-vardmote", has_media: true });
    const detail = await api("GET", `${STATUS}/participant/${one!.id}/`);
    expect(detail.body).toEqual(one);
  });

  it("a wrong PIN is refused; the participant limit holds", async () => {
    expect((await join({ displayName: "X", pin: "0000" })).status).toBe(403);
    for (const n of ["A", "B", "C"]) expect((await join({ displayName: n })).status).toBe(201);
    expect((await join({ displayName: "D" })).status).toBe(409);
    expect(await participants()).toHaveLength(3);
  });
});

describe("Pexip command API", () => {
  it("lock holds new Guests; participant/unlock and conference/unlock let them in", async () => {
    await join({ displayName: "Värd", role: "chair" });
    const { id } = await conference();
    const lock = await api("POST", `${COMMAND}/conference/lock/`, { conference_id: id });
    expect(lock.status).toBe(202);
    expect(lock.body).toEqual({ data: null, status: "success" });
    expect(await conference()).toMatchObject({ is_locked: true });
    const first = await join({ displayName: "Patient" });
    await join({ displayName: "Anhörig" });
    expect(await held()).toEqual(["Anhörig", "Patient"]);
    const admit = await api("POST", `${COMMAND}/participant/unlock/`, {
      participant_id: first.body.id,
    });
    expect(admit.status).toBe(202);
    expect(await held()).toEqual(["Anhörig"]);
    await api("POST", `${COMMAND}/conference/unlock/`, { conference_id: id });
    expect(await held()).toEqual([]);
  });

  it("a locked conference keeps Guests who waited for the Host held when the Host comes", async () => {
    await join({ displayName: "Patient" });
    const { id } = await conference();
    await api("POST", `${COMMAND}/conference/lock/`, { conference_id: id });
    await join({ displayName: "Värd", role: "chair" });
    expect(await held()).toEqual(["Patient"]);
  });

  it("disconnect ends a call; a minute after the last Host leaves the Guests are dropped", async () => {
    const host = await join({ displayName: "Värd", role: "chair" });
    await join({ displayName: "Patient" });
    const off = await api("POST", `${COMMAND}/participant/disconnect/`, {
      participant_id: host.body.id,
    });
    expect(off.status).toBe(202);
    expect((await participants()).map((p) => p.display_name)).toEqual(["Patient"]);
    clock.advance(LAST_HOST_GRACE_MS - 1);
    expect(await participants()).toHaveLength(1);
    clock.advance(1);
    expect(await participants()).toEqual([]);
    expect(((await api("GET", `${STATUS}/conference/`)).body as { objects: [] }).objects).toEqual(
      [],
    );
  });

  it("deleting the VMR ends its running conference", async () => {
    await join({ displayName: "Värd", role: "chair" });
    await api("DELETE", `${CONF}1/`);
    expect(await participants()).toEqual([]);
    expect(emu.state().live).toEqual([]);
  });

  it("answers bad commands with a failure body, and needs credentials like the rest", async () => {
    const missing = await api("POST", `${COMMAND}/participant/unlock/`, {});
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ status: "failure" });
    const unknown = await api("POST", `${COMMAND}/conference/lock/`, { conference_id: "nope" });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ status: "failure", message: "Conference not found." });
    expect((await api("GET", `${COMMAND}/conference/lock/`)).status).toBe(405);
    const anonymous = await call(emu.url, "GET", `${STATUS}/participant/`);
    expect(anonymous.status).toBe(401);
    expect((await api("GET", `${STATUS}/participant/nope/`)).status).toBe(404);
  });

  it("faults hit the status and command APIs like the rest of the API", async () => {
    emu.faults.add({ route: "* /api/admin/command/", status: 503, count: 1 });
    emu.faults.add({ route: "GET /api/admin/status/", status: 429, retryAfter: 3, count: 1 });
    const failed = await api("POST", `${COMMAND}/conference/lock/`, { conference_id: "x" });
    expect(failed.status).toBe(503);
    const throttled = await api("GET", `${STATUS}/participant/`);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("3");
    expect((await api("GET", `${STATUS}/participant/`)).status).toBe(200);
  });

  it("the handle scripts callers as the control endpoints do", async () => {
    const joined = emu.join({ alias: "910012345678", displayName: "Värd", role: "chair" });
    expect(joined.ok).toBe(true);
    const listed = await call(emu.url, "GET", "/_emulator/participants");
    expect((listed.body as Participant[]).map((p) => p.display_name)).toEqual(["Värd"]);
    if (joined.ok) expect(emu.leave(joined.participant.id)).toBe(true);
    expect((await call(emu.url, "DELETE", "/_emulator/participants/nope")).status).toBe(404);
    const bad = await call(emu.url, "POST", "/_emulator/participants", { body: { alias: "x" } });
    expect(bad.status).toBe(400);
  });
});
