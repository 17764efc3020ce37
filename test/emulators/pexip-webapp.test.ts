import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPexipEmulator, type PexipEmulator } from "../../src/emulators";
import { CONF, call, pexip } from "./helpers";

let emu: PexipEmulator;

beforeAll(async () => {
  emu = await startPexipEmulator({ port: 0 });
  await pexip(emu.url)("POST", CONF, {
    name: "svm-care-7",
    pin: "246810",
    allow_guests: true,
    aliases: [{ alias: "9800007" }],
  });
});
afterAll(() => emu.close());

describe("Pexip web app join pages", () => {
  it("answers a page for an existing alias, without authentication", async () => {
    const res = await call(emu.url, "GET", "/webapp/m/9800007/step-by-step?role=guest");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.text).toContain("Pexip web app emulator");
    expect(res.text).toContain('<span id="role">guest</span>');
    expect(res.text).toContain('data-admitted="guest"');
  });

  it("recognises the host PIN in an express link but never prints the stored PIN", async () => {
    const host = await call(emu.url, "GET", "/webapp/m/9800007/express?pin=246810");
    expect(host.text).toContain('data-admitted="host"');
    const wrong = await call(emu.url, "GET", "/webapp/m/9800007/express?pin=1111");
    expect(wrong.text).toContain('data-admitted="pin-required"');
    expect(wrong.text).not.toContain("246810");
  });

  it("escapes what it echoes", async () => {
    const res = await call(
      emu.url,
      "GET",
      `/webapp/m/9800007/?role=${encodeURIComponent("<script>x</script>")}&pin=%22%3E`,
    );
    expect(res.text).not.toContain("<script>");
    expect(res.text).toContain("&#60;script&#62;");
    expect(res.text).not.toContain('">"');
  });

  it("answers 404 for an unknown alias and after the conference is deleted", async () => {
    expect((await call(emu.url, "GET", "/webapp/m/0000000/step-by-step?role=guest")).status).toBe(
      404,
    );
    await pexip(emu.url)("DELETE", `${CONF}1/`);
    expect((await call(emu.url, "GET", "/webapp/m/9800007/step-by-step?role=guest")).status).toBe(
      404,
    );
  });
});
