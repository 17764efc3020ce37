import { describe, expect, it } from "vitest";
import { newStore, open, result, value } from "./fake-office";

describe("the fake's calling conventions", () => {
  it("calls back on a later task with an AsyncResult carrying the asyncContext", async () => {
    const store = newStore();
    store.setSubject("Uppföljning", "user");
    const { Office, item } = open(store);
    let calledBack = false;
    const done = result<string>((cb) => {
      item.subject.getAsync({ asyncContext: { step: 1 } }, (r) => {
        calledBack = true;
        cb(r);
      });
    });
    expect(calledBack).toBe(false); // never synchronous
    const outcome = await done;
    expect(outcome.status).toBe(Office.AsyncResultStatus.Succeeded);
    expect(outcome.status).toBe("succeeded");
    expect(outcome.value).toBe("Uppföljning");
    expect(outcome.error).toBeUndefined();
    expect(outcome.asyncContext).toEqual({ step: 1 });
  });

  it("applies a write only on a later task, in call order", async () => {
    const store = newStore();
    const { item } = open(store);
    item.subject.setAsync("Först");
    expect(store.snapshot().subject).toBe("");
    item.subject.setAsync("Sedan");
    expect(await value<string>((cb) => item.subject.getAsync(cb))).toBe("Sedan");
  });

  it("reports failures as {name, message, code} with no value", async () => {
    const { item } = open(newStore());
    const outcome = await result<void>((cb) => item.subject.setAsync("x".repeat(256), cb));
    expect(String(outcome.status)).toBe("failed");
    expect(outcome.value).toBeUndefined();
    expect(outcome.error).toEqual({
      name: "DataExceedsMaximumSize",
      message: expect.any(String),
      code: expect.any(Number),
    });
    expect(outcome.error.code).toBeGreaterThanOrEqual(9000);
  });

  it("throws at once for malformed arguments, as Office.js's parameter checks do", () => {
    const { item } = open(newStore());
    expect(() => item.subject.setAsync(42 as unknown as string)).toThrow(/Sys.ArgumentException/);
    expect(() => item.start.setAsync("2026-11-27" as unknown as Date)).toThrow(/ArgumentException/);
    expect(() =>
      item.subject.getAsync("not options" as unknown as Office.AsyncContextOptions, () => {}),
    ).toThrow(/options/);
  });

  it("resolves onReady with Outlook and the client's platform, and runs Office.initialize", async () => {
    const cases = [
      ["client=web", "OfficeOnline"],
      ["client=classic", "PC"],
      ["client=mac", "Mac"],
    ] as const;
    for (const [query, platform] of cases) {
      const { Office } = open(newStore(query));
      let reason: unknown;
      Office.initialize = (r) => (reason = r);
      let fromCallback: unknown;
      const info = await Office.onReady((i) => (fromCallback = i));
      expect(info).toEqual({ host: "Outlook", platform });
      expect(fromCallback).toEqual(info);
      expect(reason).toBe("inserted");
      expect(Office.context.platform).toBe(platform);
    }
  });

  it("reports the display language, theme and requirement sets the page chose", () => {
    const { Office } = open(newStore("lang=en-US&theme=dark&mailbox=1.8&naa=0"));
    expect(Office.context.displayLanguage).toBe("en-US");
    expect(Office.context.officeTheme.bodyBackgroundColor).toBe("#292929");
    const sets = Office.context.requirements;
    expect(sets.isSetSupported("Mailbox", "1.8")).toBe(true);
    expect(sets.isSetSupported("Mailbox", "1.10")).toBe(false);
    expect(sets.isSetSupported("Mailbox")).toBe(true);
    expect(sets.isSetSupported("NestedAppAuth", "1.1")).toBe(false);
    expect(
      open(newStore()).Office.context.requirements.isSetSupported("NestedAppAuth", "1.1"),
    ).toBe(true);
  });

  it("leaves out APIs above the client's Mailbox requirement set", () => {
    const old = open(newStore("mailbox=1.5")).item as unknown as Record<string, unknown>;
    expect(old.getItemIdAsync).toBeUndefined();
    expect(old.organizer).toBeUndefined();
    expect(old.addHandlerAsync).toBeUndefined();
    expect(old.saveAsync).toBeTypeOf("function");
    const current = open(newStore()).item as unknown as Record<string, unknown>;
    expect(current.getItemIdAsync).toBeTypeOf("function");
    expect(current.addHandlerAsync).toBeTypeOf("function");
  });
});
