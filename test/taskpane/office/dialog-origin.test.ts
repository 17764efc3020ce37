// The sign-in dialog's answer is taken only from the add-in's own origin.
import { describe, expect, it } from "vitest";
import { readDialogMessage } from "../../../src/taskpane/office/dialog-origin";

const OWN = "https://vardmote.region.se";
const token = { accessToken: "eyJ.a.b", expiresOn: 1 };
const message = JSON.stringify({ parse: false, value: token });

describe("the sign-in dialog's message", () => {
  it("is read from the add-in's own origin", () => {
    expect(readDialogMessage({ message, origin: OWN }, OWN)).toEqual({ ok: true, value: token });
  });

  it("is read from a client that sends no origin (before DialogApi 1.2: same domain only)", () => {
    expect(readDialogMessage({ message }, OWN)).toEqual({ ok: true, value: token });
  });

  it.each([
    "https://evil.example",
    "https://vardmote.region.se.evil.example",
    "http://vardmote.region.se",
    "https://login.microsoftonline.com",
    "null",
  ])("is ignored from %s", (origin) => {
    expect(readDialogMessage({ message, origin }, OWN)).toMatchObject({
      ok: false,
      foreign: true,
    });
  });

  it("is refused when it is not our JSON", () => {
    expect(readDialogMessage({ message: "not json", origin: OWN }, OWN)).toMatchObject({
      ok: false,
      foreign: false,
    });
    expect(readDialogMessage({ message: 42, origin: OWN }, OWN)).toMatchObject({ ok: false });
  });
});
