// Where the Pexip emulator used to differ from Infinity as Pexip's own SDK and Terraform provider
// use it (issue 15): crypto_mode's default, list filters on PIN and guest fields, aliases given
// as conference_alias URIs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startPexipEmulator, type PexipEmulator } from "../../src/emulators";
import { ALIAS, CONF, pexip } from "./helpers";

let emu: PexipEmulator;
let api: ReturnType<typeof pexip>;

beforeAll(async () => {
  emu = await startPexipEmulator({ port: 0 });
  api = pexip(emu.url);
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

interface Listed {
  meta: { total_count: number };
  objects: Array<{ name: string }>;
}

const names = async (query: string) => {
  const res = await api("GET", `${CONF}?${query}`);
  expect(res.status).toBe(200);
  return (res.body as Listed).objects.map((o) => o.name).sort();
};

describe("Pexip emulator drift, corrected", () => {
  it("crypto_mode defaults to the empty string (use the global setting), not null", async () => {
    await api("POST", CONF, { name: "plain" });
    const res = await api("GET", `${CONF}1/`);
    expect((res.body as { crypto_mode: unknown }).crypto_mode).toBe("");
    await api("PATCH", `${CONF}1/`, { crypto_mode: "on" });
    await api("PUT", `${CONF}1/`, { name: "plain" });
    expect(((await api("GET", `${CONF}1/`)).body as { crypto_mode: unknown }).crypto_mode).toBe("");
  });

  it("filters on pin, guest_pin, allow_guests and participant_limit", async () => {
    await api("POST", CONF, {
      name: "a",
      pin: "123456",
      allow_guests: true,
      participant_limit: 15,
    });
    await api("POST", CONF, { name: "b", pin: "123456", guest_pin: "654321", allow_guests: true });
    await api("POST", CONF, { name: "c", participant_limit: 15 });
    expect(await names("pin=123456")).toEqual(["a", "b"]);
    expect(await names("guest_pin=654321")).toEqual(["b"]);
    expect(await names("guest_pin=")).toEqual(["a", "c"]);
    for (const yes of ["true", "True", "1"])
      expect(await names(`allow_guests=${yes}`)).toEqual(["a", "b"]);
    for (const no of ["false", "False", "0"])
      expect(await names(`allow_guests=${no}`)).toEqual(["c"]);
    expect(await names("participant_limit=15")).toEqual(["a", "c"]);
    expect(await names("pin=123456&participant_limit=15")).toEqual(["a"]);
    expect(await names("pin__startswith=123")).toEqual(["a", "b"]);
  });

  it("creates a conference with aliases given as conference_alias URIs, moving them", async () => {
    await api("POST", CONF, { name: "old", aliases: [{ alias: "9100111" }, { alias: "keep" }] });
    const created = await api("POST", CONF, {
      name: "new",
      aliases: [`${ALIAS}1/`, { alias: "9100222" }],
    });
    expect(created.status).toBe(201);
    const moved = (await api("GET", `${ALIAS}1/`)).body as { conference: string };
    expect(moved.conference).toBe(`${CONF}2/`);
    const fresh = (await api("GET", `${CONF}2/`)).body as { aliases: Array<{ alias: string }> };
    expect(fresh.aliases.map((a) => a.alias).sort()).toEqual(["9100111", "9100222"]);
    const old = (await api("GET", `${CONF}1/`)).body as { aliases: Array<{ alias: string }> };
    expect(old.aliases.map((a) => a.alias)).toEqual(["keep"]);
  });

  it("PATCH with URIs keeps the aliases named and deletes the conference's others", async () => {
    await api("POST", CONF, { name: "a", aliases: [{ alias: "one" }, { alias: "two" }] });
    const patched = await api("PATCH", `${CONF}1/`, { aliases: [`${ALIAS}2/`] });
    expect(patched.status).toBe(202);
    expect(emu.state().aliases.map((a) => a.alias)).toEqual(["two"]);
  });

  it("refuses an alias URI that names no alias, and changes nothing", async () => {
    const res = await api("POST", CONF, { name: "x", aliases: [`${ALIAS}99/`] });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      conference: {
        aliases: [`Could not find the provided object via resource URI '${ALIAS}99/'.`],
      },
    });
    const other = await api("POST", CONF, {
      name: "y",
      aliases: ["/api/admin/configuration/v1/ivr_theme/1/"],
    });
    expect(other.status).toBe(400);
    expect(emu.state().conferences).toEqual([]);
  });
});
