import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import type { Frame, Page } from "playwright-core";
import type { Harness } from "../support/harness";
import { harnessSuite } from "../support/suite";

const AXE = fileURLToPath(new URL("../../../node_modules/axe-core/axe.min.js", import.meta.url));

const suite = harnessSuite();
let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function open(options: Parameters<typeof suite.open>[0] = {}): Promise<Harness> {
  harness = await suite.open(options);
  return harness;
}

/** The pane's frame, to look at the Office.js it was given (the pane's own code is not ours). */
async function paneFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe[title="Skyddat vårdmöte"]');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("no pane frame");
  await frame.waitForFunction(() => typeof Office !== "undefined");
  return frame;
}

/** Errors the harness itself caused (the pane's own are the pane's tests' business). */
function harnessErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => {
    if (/\/harness\/(harness|office)\.js/.test(e.stack ?? "")) errors.push(e.message);
  });
  page.on("console", (m) => {
    if (
      m.type() === "error" &&
      /\/harness(\.html|\/harness\.js|\/office\.js)/.test(m.location().url)
    )
      errors.push(m.text());
  });
  return errors;
}

describe("the harness page", () => {
  it.each([
    ["web", "sv-SE", "OfficeOnline"],
    ["classic", "en-US", "PC"],
    ["mac", "sv-SE", "Mac"],
  ] as const)(
    "plays %s Outlook in %s with the built pane on the fake Office.js",
    async (client, lang, platform) => {
      const h = await open({ client, lang });
      const errors = harnessErrors(h.page);
      for (const label of ["Ämne", "Plats", "Start", "Slut", "Upprepning", "Deltagare"])
        await expect(h.page.getByLabel(label, { exact: true }).count()).resolves.toBe(1);
      await expect(h.page.getByRole("textbox", { name: "Brödtext" }).count()).resolves.toBe(1);
      await expect(h.page.getByRole("button", { name: "Skicka" }).isVisible()).resolves.toBe(true);
      await expect(h.page.getByRole("button", { name: "Spara" }).isVisible()).resolves.toBe(true);

      const frame = await paneFrame(h.page);
      expect(new URL(frame.url()).pathname).toBe("/harness/taskpane.html");
      const seen = await frame.evaluate(async () => {
        const info = await Office.onReady();
        const item = Office.context.mailbox.item as Office.AppointmentCompose;
        return {
          info,
          language: Office.context.displayLanguage,
          itemType: String(item.itemType),
          naa: Office.context.requirements.isSetSupported("NestedAppAuth", "1.1"),
          officeScript: [...document.scripts].map((s) => s.src).find((s) => /office/.test(s)),
        };
      });
      expect(seen).toEqual({
        info: { host: "Outlook", platform },
        language: lang,
        itemType: "appointment",
        naa: true,
        officeScript: `${h.server.url}/harness/office.js`,
      });
      // The launch-event runtime loaded the real launchevent.js and associated its functions.
      const commands = h.page.frames().find((f) => f.url().endsWith("/harness/commands.html"));
      expect(commands).toBeDefined();
      expect(h.blocked).toEqual([]);
      expect(errors).toEqual([]);
    },
  );

  it("shows what the add-in writes, rewritten as the client does", async () => {
    const h = await open({ client: "web" });
    const frame = await paneFrame(h.page);
    await frame.evaluate(
      () =>
        new Promise<void>((resolve) =>
          (Office.context.mailbox.item as Office.AppointmentCompose).body.setAsync(
            `<div id="svm" class="block" data-k="1"><p>Anslut här</p></div>`,
            { coercionType: Office.CoercionType.Html },
            () => resolve(),
          ),
        ),
    );
    const raw = await h.rawBody();
    expect(raw).toContain(`id="x_svm"`);
    expect(raw).not.toContain("data-k");
    expect(await h.body()).toBe("Anslut här");
    await expect(h.page.getByRole("textbox", { name: "Brödtext" }).innerText()).resolves.toContain(
      "Anslut här",
    );
    await h.page.getByRole("button", { name: "Visa HTML" }).click();
    await expect(h.page.getByLabel("Brödtext som HTML").inputValue()).resolves.toBe(raw);

    await h.reopen({ client: "classic" });
    expect(await h.rawBody()).toContain(`<meta name=Generator content="Microsoft Word 15`);
    expect(await h.body()).toBe("Anslut här");
  });

  it("inserts setSelectedDataAsync at the caret the user left in Brödtext", async () => {
    const h = await open({ client: "mac" });
    await h.setField("Brödtext", "<p>Början</p><p>Slutet</p>");
    const editor = h.page.getByRole("textbox", { name: "Brödtext" });
    await editor.getByText("Början").click();
    await h.page.keyboard.press("End");
    const frame = await paneFrame(h.page);
    await frame.evaluate(
      () =>
        new Promise<void>((resolve) =>
          (Office.context.mailbox.item as Office.AppointmentCompose).body.setSelectedDataAsync(
            "<b>+insatt</b>",
            { coercionType: Office.CoercionType.Html },
            () => resolve(),
          ),
        ),
    );
    expect(await h.body()).toBe("Början+insatt\nSlutet");
  });

  it("raises the pane's item events and the launch events when the user edits the form", async () => {
    const h = await open();
    const frame = await paneFrame(h.page);
    const timeChanged = frame.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const item = Office.context.mailbox.item as Office.AppointmentCompose;
          item.addHandlerAsync(
            Office.EventType.AppointmentTimeChanged,
            (e: Office.AppointmentTimeChangedEventArgs) =>
              resolve(`${e.type} ${e.start.toISOString()} ${e.end.toISOString()}`),
            () => Object.assign(window, { handlerAdded: true }),
          );
        }),
    );
    // The handler is added on a later task: its callback says when.
    await frame.waitForFunction(() => "handlerAdded" in window);
    await h.setField("Start", "2026-12-01T09:00:00.000Z");
    expect(await timeChanged).toBe(
      "olkAppointmentTimeChanged 2026-12-01T09:00:00.000Z 2026-12-01T09:30:00.000Z",
    );
    await h.setField("Deltagare", "Karl Nilsson <karl@region.example.se>\ntolk@example.org");
    expect((await h.state()).requiredAttendees).toEqual([
      { displayName: "Karl Nilsson", emailAddress: "karl@region.example.se" },
      { displayName: "tolk@example.org", emailAddress: "tolk@example.org" },
    ]);
    await expect
      .poll(async () => (await h.launchEvents()).map((r) => `${r.name}:${r.outcome}`))
      .toEqual(["onAppointmentTimeChanged:completed", "onAppointmentAttendeesChanged:completed"]);
  });

  it("keeps custom properties across a pane reload only when classic Outlook saved the item", async () => {
    const h = await open({ client: "classic" });
    const setProp = (frame: Frame, save: boolean) =>
      frame.evaluate(
        (saveItem) =>
          new Promise<void>((resolve) => {
            const item = Office.context.mailbox.item as Office.AppointmentCompose;
            item.loadCustomPropertiesAsync((r) => {
              r.value.set("harnessProbe", "kvar");
              r.value.saveAsync(() => (saveItem ? item.saveAsync(() => resolve()) : resolve()));
            });
          }),
        save,
      );
    const readProp = (frame: Frame) =>
      frame.evaluate(
        () =>
          new Promise<unknown>((resolve) =>
            (Office.context.mailbox.item as Office.AppointmentCompose).loadCustomPropertiesAsync(
              (r) => resolve(r.value.get("harnessProbe") ?? null),
            ),
          ),
      );
    await setProp(await paneFrame(h.page), false);
    await h.reloadPane();
    expect(await readProp(await paneFrame(h.page))).toBeNull();
    await setProp(await paneFrame(h.page), true);
    await h.reloadPane();
    expect(await readProp(await paneFrame(h.page))).toBe("kvar");
    expect((await h.customProperties()).harnessProbe).toBe("kvar");
    expect((await h.saved()).itemId).toMatch(/^AAMkAD/);
  });

  it("opens the attendee's read form with the pane in attendee mode", async () => {
    const h = await open();
    await h.setField("Ämne", "Uppföljning");
    await h.reopen({ mode: "attendee" });
    const frame = await paneFrame(h.page);
    expect(new URL(frame.url()).search).toBe("?mode=attendee");
    const item = await frame.evaluate(() => {
      const read = Office.context.mailbox.item as unknown as Record<string, unknown>;
      return { subject: read.subject, start: read.start instanceof Date, body: typeof read.body };
    });
    expect(item).toEqual({ subject: "Uppföljning", start: true, body: "object" });
    await expect(h.page.getByLabel("Ämne", { exact: true }).getAttribute("readonly")).resolves.toBe(
      "",
    );
    await expect(h.page.getByRole("button", { name: "Skicka" }).isVisible()).resolves.toBe(false);
  });

  it("changes the Office theme live and tells the pane", async () => {
    const h = await open({ theme: "light" });
    const frame = await paneFrame(h.page);
    const changed = frame.evaluate(
      () =>
        new Promise<boolean>((resolve) =>
          Office.context.mailbox.addHandlerAsync(
            Office.EventType.OfficeThemeChanged,
            (e: { officeTheme: Office.OfficeTheme }) => resolve(e.officeTheme.isDarkTheme),
            () => Object.assign(window, { handlerAdded: true }),
          ),
        ),
    );
    await frame.waitForFunction(() => "handlerAdded" in window);
    await h.setTheme("dark");
    expect(await changed).toBe(true);
    expect(await frame.evaluate(() => Office.context.officeTheme.bodyBackgroundColor)).toBe(
      "#292929",
    );
  });
});

describe("the Office dialog API (basic)", () => {
  it("opens a same-origin page with the fake, passes its message back and reports its closing", async () => {
    const h = await open();
    const frame = await paneFrame(h.page);
    const popupOpened = h.context.waitForEvent("page");
    const events = frame.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const seen: string[] = [];
          Object.assign(window, { dialogSeen: seen });
          Office.context.ui.displayDialogAsync(
            `${location.origin}/commands.html`,
            { height: 30, width: 30 },
            (result) => {
              if (String(result.status) === "failed")
                return reject(new Error(result.error.message));
              result.value.addEventHandler(Office.EventType.DialogMessageReceived, (arg) =>
                seen.push(`message:${(arg as { message: string }).message}`),
              );
              result.value.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
                seen.push(`event:${(arg as { error: number }).error}`);
                resolve(seen);
              });
            },
          );
        }),
    );
    const popup = await popupOpened;
    expect(new URL(popup.url()).pathname).toBe("/harness/commands.html");
    await popup.waitForFunction(
      () => typeof Office !== "undefined" && Office.context?.ui !== undefined,
    );
    await popup.evaluate(() => Office.context.ui.messageParent("klar"));
    // Closed once the pane has the message.
    await frame.waitForFunction(() =>
      (window as unknown as { dialogSeen: string[] }).dialogSeen.includes("message:klar"),
    );
    await popup.close();
    expect(await events).toEqual(["message:klar", "event:12006"]);
  });
});

describe("Skicka and the Smart Alert", () => {
  it("sends when onAppointmentSend allows it (the built launchevent.js)", async () => {
    const h = await open();
    const result = await h.send();
    expect(result).toMatchObject({ sent: true, alert: null });
    expect((await h.saved()).sent).toBe(true);
    await expect(h.page.getByRole("status").innerText()).resolves.toBe("Mötesinbjudan skickad.");
  });

  it("blocks with Outlook's dialog, and sends only when the user may and does", async () => {
    const h = await open();
    await h.associate(
      "onAppointmentSend",
      `event.completed({ allowEvent: false, errorMessage: "Ta bort personnumret ur Ämne." });`,
    );
    const blocked = await h.send();
    expect(blocked.sent).toBe(false);
    expect(blocked.alert).toMatchObject({
      title: "Skyddat vårdmöte",
      message: "Ta bort personnumret ur Ämne.",
      buttons: [{ id: "dontSend", label: "Skicka inte" }],
    });
    const dialog = h.page.getByRole("dialog", { name: "Skyddat vårdmöte" });
    await expect(dialog.isVisible()).resolves.toBe(true);
    await expect(dialog.getByText("Ta bort personnumret ur Ämne.").isVisible()).resolves.toBe(true);
    expect(await h.answerAlert("dontSend")).toMatchObject({ sent: false, answer: "dontSend" });
    expect((await h.saved()).sent).toBe(false);

    await h.associate(
      "onAppointmentSend",
      `event.completed({ allowEvent: false, errorMessage: "Kontrollera inbjudan.", sendModeOverride: "promptUser" });`,
    );
    const prompt = await h.send();
    expect(prompt.alert?.buttons.map((b) => b.label)).toEqual(["Skicka inte", "Skicka ändå"]);
    expect(await h.answerAlert("sendAnyway")).toMatchObject({ sent: true });
    expect((await h.saved()).sent).toBe(true);
  });

  it("labels the dialog in the display language", async () => {
    const h = await open({ lang: "en-US" });
    await h.associate(
      "onAppointmentSend",
      `event.completed({ allowEvent: false, errorMessage: "Remove it." });`,
    );
    const result = await h.send();
    expect(result.alert?.buttons).toEqual([{ id: "dontSend", label: "Don't Send" }]);
    await h.answerAlert("dontSend");
  });
});

describe("accessibility", () => {
  it.each(["organizer", "attendee"] as const)(
    "axe-core finds nothing on the %s page",
    async (mode) => {
      const h = await open({ mode });
      await h.page.addScriptTag({ path: AXE });
      const violations = await h.page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (
                ctx: unknown,
                opts: unknown,
              ) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }>;
            };
          }
        ).axe;
        const result = await axe.run(document, { iframes: false });
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations).toEqual([]);
    },
  );
});
