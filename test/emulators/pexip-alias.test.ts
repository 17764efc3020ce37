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

describe("Pexip conference_alias resource", () => {
  it("creating a conference with inline aliases creates alias objects", async () => {
    await api("POST", CONF, { name: "a", aliases: [{ alias: "9800001", description: "numeric" }] });
    const res = await api("GET", `${ALIAS}1/`);
    expect(res.body).toEqual({
      alias: "9800001",
      conference: `${CONF}1/`,
      creation_time: expect.any(String) as string,
      description: "numeric",
      id: 1,
      resource_uri: `${ALIAS}1/`,
    });
  });

  it("aliases are unique across conferences, inline or posted", async () => {
    await api("POST", CONF, { name: "a", aliases: [{ alias: "9800001" }] });
    const inline = await api("POST", CONF, { name: "b", aliases: [{ alias: "9800001" }] });
    expect(inline.status).toBe(400);
    expect(JSON.stringify(inline.body)).toContain("already exists");
    expect(emu.state().conferences.map((c) => c.name)).toEqual(["a"]);
    const twice = await api("POST", CONF, { name: "c", aliases: [{ alias: "1" }, { alias: "1" }] });
    expect(twice.status).toBe(400);
    await api("POST", CONF, { name: "d" });
    const posted = await api("POST", ALIAS, { alias: "9800001", conference: `${CONF}2/` });
    expect(posted.status).toBe(400);
    expect(posted.body).toEqual({
      conference_alias: { alias: ["Conference alias with this Alias already exists."] },
    });
  });

  it("POST answers 201 + Location; the conference must exist", async () => {
    await api("POST", CONF, { name: "a" });
    const ok = await api("POST", ALIAS, { alias: "room.a", conference: `${CONF}1/` });
    expect(ok.status).toBe(201);
    expect(ok.headers.get("location")).toBe(`${ALIAS}1/`);
    const missing = await api("POST", ALIAS, { alias: "room.b", conference: `${CONF}42/` });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      conference_alias: { conference: [expect.stringContaining("Could not find")] },
    });
    const none = await api("POST", ALIAS, { alias: "room.c" });
    expect(none.body).toEqual({ conference_alias: { conference: ["This field is required."] } });
  });

  it("PATCH answers 202, DELETE 204, and the conference shows the change", async () => {
    await api("POST", CONF, { name: "a", aliases: [{ alias: "one" }] });
    expect((await api("PATCH", `${ALIAS}1/`, { description: "d" })).status).toBe(202);
    expect((await api("GET", `${CONF}1/`)).body).toMatchObject({
      aliases: [{ alias: "one", description: "d" }],
    });
    expect((await api("DELETE", `${ALIAS}1/`)).status).toBe(204);
    expect((await api("GET", `${CONF}1/`)).body).toMatchObject({ aliases: [] });
  });

  it("PATCH can move an alias to another conference, and frees its old value on rename", async () => {
    await api("POST", CONF, { name: "a", aliases: [{ alias: "one" }] });
    await api("POST", CONF, { name: "b" });
    expect(
      (await api("PATCH", `${ALIAS}1/`, { conference: `${CONF}2/`, alias: "two" })).status,
    ).toBe(202);
    expect((await api("GET", `${CONF}1/`)).body).toMatchObject({ aliases: [] });
    expect((await api("GET", `${CONF}2/`)).body).toMatchObject({ aliases: [{ alias: "two" }] });
    expect((await api("POST", ALIAS, { alias: "one", conference: `${CONF}1/` })).status).toBe(201);
    expect((await api("POST", ALIAS, { alias: "two", conference: `${CONF}1/` })).status).toBe(400);
  });

  it("lists with filters alias and conference", async () => {
    await api("POST", CONF, { name: "a", aliases: [{ alias: "a1" }, { alias: "a2" }] });
    await api("POST", CONF, { name: "b", aliases: [{ alias: "b1" }] });
    const ofB = (await api("GET", `${ALIAS}?conference=2`)).body as {
      objects: Array<{ alias: string }>;
    };
    expect(ofB.objects.map((a) => a.alias)).toEqual(["b1"]);
    const byAlias = (await api("GET", `${ALIAS}?alias=a2`)).body as {
      meta: { total_count: number };
    };
    expect(byAlias.meta.total_count).toBe(1);
  });

  it("needs trailing slashes too", async () => {
    expect((await api("GET", ALIAS.slice(0, -1))).status).toBe(404);
  });
});
