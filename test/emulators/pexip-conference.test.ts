import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startPexipEmulator, type PexipEmulator } from "../../src/emulators";
import { BASIC_AUTH, CONF, call, pexip } from "./helpers";

let emu: PexipEmulator;
let api: ReturnType<typeof pexip>;

beforeAll(async () => {
  emu = await startPexipEmulator({ port: 0 });
  api = pexip(emu.url);
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const vmr = {
  name: "svm-care-0001",
  service_type: "conference",
  pin: "123456",
  aliases: [{ alias: "9800001" }],
};

describe("Pexip conference resource", () => {
  it("POST answers 201 with the new object's URI in Location and an empty body", async () => {
    const res = await api("POST", CONF, vmr);
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe("/api/admin/configuration/v1/conference/1/");
    expect(res.text).toBe("");
  });

  it("GET returns the object as Infinity does, defaults and nested aliases included", async () => {
    await api("POST", CONF, { ...vmr, allow_guests: true, crypto_mode: "on", tag: "svm" });
    const res = await api("GET", `${CONF}1/`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: 1,
      resource_uri: `${CONF}1/`,
      name: "svm-care-0001",
      pin: "123456",
      guest_pin: "",
      allow_guests: true,
      crypto_mode: "on",
      tag: "svm",
      enable_chat: "default",
      guests_can_present: true,
      participant_limit: null,
      host_identity_provider_group: null,
      call_type: "video",
      aliases: [{ alias: "9800001", conference: `${CONF}1/`, description: "", id: 1 }],
    });
    expect((res.body as { creation_time: string }).creation_time).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/,
    );
  });

  it("requires trailing slashes: without one the API answers 404", async () => {
    await api("POST", CONF, vmr);
    expect((await api("GET", CONF.slice(0, -1))).status).toBe(404);
    expect((await api("GET", `${CONF}1`)).status).toBe(404);
    expect((await api("POST", CONF.slice(0, -1), { name: "other" })).status).toBe(404);
    expect(emu.state().conferences).toHaveLength(1);
  });

  it("PATCH answers 202 and changes only the fields sent", async () => {
    await api("POST", CONF, { ...vmr, description: "before" });
    const res = await api("PATCH", `${CONF}1/`, { description: "after" });
    expect(res.status).toBe(202);
    const after = (await api("GET", `${CONF}1/`)).body;
    expect(after).toMatchObject({ description: "after", pin: "123456", name: vmr.name });
  });

  it("PATCH with aliases replaces the list", async () => {
    await api("POST", CONF, vmr);
    await api("PATCH", `${CONF}1/`, { aliases: [{ alias: "9800002" }, { alias: "9800003" }] });
    const aliases = (await api("GET", `${CONF}1/`)).body as { aliases: Array<{ alias: string }> };
    expect(aliases.aliases.map((a) => a.alias)).toEqual(["9800002", "9800003"]);
    expect(emu.state().aliases.map((a) => a.alias)).toEqual(["9800002", "9800003"]);
  });

  it("PUT answers 204 and replaces the whole object (unsent fields return to defaults)", async () => {
    await api("POST", CONF, { ...vmr, description: "d", allow_guests: true });
    const res = await api("PUT", `${CONF}1/`, { name: "svm-care-0001b", pin: "4321" });
    expect(res.status).toBe(204);
    expect((await api("GET", `${CONF}1/`)).body).toMatchObject({
      name: "svm-care-0001b",
      pin: "4321",
      description: "",
      allow_guests: false,
    });
  });

  it("DELETE answers 204, removes the aliases too, and a second DELETE is 404", async () => {
    await api("POST", CONF, vmr);
    expect((await api("DELETE", `${CONF}1/`)).status).toBe(204);
    expect((await api("GET", `${CONF}1/`)).status).toBe(404);
    expect((await api("DELETE", `${CONF}1/`)).status).toBe(404);
    expect(emu.state()).toMatchObject({ conferences: [], aliases: [] });
  });

  it("a duplicate name is a 400 with Tastypie's body; the name is free again after delete", async () => {
    await api("POST", CONF, vmr);
    const dup = await api("POST", CONF, { ...vmr, aliases: [] });
    expect(dup.status).toBe(400);
    expect(dup.body).toEqual({
      conference: { name: ["Conference with this Name already exists."] },
    });
    await api("DELETE", `${CONF}1/`);
    expect((await api("POST", CONF, vmr)).status).toBe(201);
  });

  it("renaming frees the old name, and the new name is taken", async () => {
    await api("POST", CONF, vmr);
    expect((await api("PATCH", `${CONF}1/`, { name: "renamed" })).status).toBe(202);
    expect((await api("POST", CONF, { name: vmr.name })).status).toBe(201);
    expect((await api("POST", CONF, { name: "renamed" })).status).toBe(400);
    expect((await api("PATCH", `${CONF}1/`, { name: "renamed" })).status).toBe(202);
  });

  it("a missing name is a 400", async () => {
    const res = await api("POST", CONF, { pin: "1234" });
    expect(res.body).toEqual({ conference: { name: ["This field is required."] } });
  });

  it.each([
    ["pin", "123"],
    ["pin", "12a45"],
    ["pin", "123456789012345678901"],
    ["pin", 1234],
    ["guest_pin", "99"],
  ])("rejects %s %j", async (field, value) => {
    const res = await api("POST", CONF, { name: "n", pin: "5555", [field]: value });
    expect(res.status).toBe(400);
    expect(Object.keys((res.body as { conference: object }).conference)).toEqual([field]);
    expect(emu.state().conferences).toEqual([]);
  });

  it.each(["1234", "12345678901234567890", "1234#", "00000"])("accepts pin %j", async (pin) => {
    expect((await api("POST", CONF, { name: "n", pin })).status).toBe(201);
  });

  it("enforces the Host/Guest PIN rules", async () => {
    const guestOnly = await api("POST", CONF, { name: "a", guest_pin: "1234" });
    expect(guestOnly.body).toEqual({
      conference: { guest_pin: ["A Guest PIN requires a Host PIN."] },
    });
    const same = await api("POST", CONF, { name: "b", pin: "1234", guest_pin: "1234" });
    expect(same.status).toBe(400);
    const lengths = await api("POST", CONF, { name: "c", pin: "1234", guest_pin: "123456" });
    expect(lengths.status).toBe(400);
    expect(
      (await api("POST", CONF, { name: "d", pin: "1234#", guest_pin: "123456#" })).status,
    ).toBe(201);
    expect((await api("POST", CONF, { name: "e", pin: "1234", guest_pin: "5678" })).status).toBe(
      201,
    );
  });

  it.each([
    ["service_type", "meeting"],
    ["crypto_mode", "required"],
    ["enable_chat", "true"],
    ["host_view", "one_main_eight_pips"],
    ["guest_view", "gallery"],
    ["call_type", "audio-only"],
  ])("validates the enum %s", async (field, value) => {
    const res = await api("POST", CONF, { name: "n", [field]: value });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      conference: {
        [field]: [`Select a valid choice. ${value} is not one of the available choices.`],
      },
    });
  });

  it("validates lengths (≤ 250) and numbers", async () => {
    const long = await api("POST", CONF, { name: "x".repeat(251), description: "y".repeat(251) });
    expect(long.body).toEqual({
      conference: {
        name: ["Ensure this value has at most 250 characters (it has 251)."],
        description: ["Ensure this value has at most 250 characters (it has 251)."],
      },
    });
    expect((await api("POST", CONF, { name: "x".repeat(250) })).status).toBe(201);
    const limit = await api("POST", CONF, { name: "n", participant_limit: -1 });
    expect(limit.status).toBe(400);
    const flag = await api("POST", CONF, { name: "n", allow_guests: "yes" });
    expect(flag.body).toEqual({
      conference: { allow_guests: ["'yes' value must be either True or False."] },
    });
  });

  it("PATCH validates the merged object (a guest PIN equal to the stored host PIN is refused)", async () => {
    await api("POST", CONF, vmr);
    const res = await api("PATCH", `${CONF}1/`, { guest_pin: "123456" });
    expect(res.status).toBe(400);
    expect((await api("GET", `${CONF}1/`)).body).toMatchObject({ guest_pin: "" });
  });

  it("ignores fields it does not know, and read-only ones, as Tastypie does", async () => {
    await api("POST", CONF, { ...vmr, guestpin: "9999", id: 77, resource_uri: "/x/" });
    const res = await api("GET", `${CONF}1/`);
    expect(res.body).toMatchObject({ id: 1, guest_pin: "" });
    expect(res.body).not.toHaveProperty("guestpin");
  });

  it("refuses a body that is not JSON", async () => {
    const res = await call(emu.url, "POST", CONF, {
      body: "name=x",
      headers: { authorization: BASIC_AUTH, "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(400);
    const broken = await api("POST", CONF, "{not json");
    expect(broken.status).toBe(400);
  });

  it("POST on a detail URI is 501 and unknown ids are 404", async () => {
    await api("POST", CONF, vmr);
    expect((await api("POST", `${CONF}1/`, { name: "z" })).status).toBe(501);
    expect((await api("GET", `${CONF}999/`)).status).toBe(404);
    expect((await api("PATCH", `${CONF}999/`, { tag: "t" })).status).toBe(404);
  });

  it("DELETE on the list URI deletes every object the filter selects", async () => {
    await api("POST", CONF, { name: "a", tag: "svm" });
    await api("POST", CONF, { name: "b", tag: "other" });
    await api("POST", CONF, { name: "c", tag: "svm" });
    expect((await api("DELETE", `${CONF}?tag=svm`)).status).toBe(204);
    expect(emu.state().conferences.map((c) => c.name)).toEqual(["b"]);
  });
});
