import { describe, expect, it } from "vitest";
import { newStore, open, result, value } from "./fake-office";

const BLOCK = `<div id="svm-block" class="svm" data-booking="b1"><p>Anslut: <a href="https://node.example/webapp/m/123">länk</a></p></div>`;

describe("item.body", () => {
  it("is HTML, and reads back what the client's editor made of a write", async () => {
    const expectations = {
      web: (html: string) => {
        expect(html).toContain(`id="x_svm-block"`);
        expect(html).not.toContain("data-booking");
        expect(html).not.toContain(`class="svm"`);
      },
      classic: (html: string) => {
        expect(html).toMatch(/^<html xmlns:v=/);
        expect(html).toContain(`<meta name=Generator content="Microsoft Word 15`);
        expect(html).toContain("<p class=MsoNormal>Anslut: ");
        expect(html).toContain("<o:p></o:p></p>");
      },
      mac: (html: string) => {
        expect(html).toMatch(/^<html><head><\/head><body>.*<\/body><\/html>$/s);
        expect(html).toContain(`id="svm-block"`);
      },
    };
    for (const [client, check] of Object.entries(expectations)) {
      const { Office, item } = open(newStore(`client=${client}`));
      expect(await value<Office.CoercionType>((cb) => item.body.getTypeAsync(cb))).toBe("html");
      await value<void>((cb) =>
        item.body.setAsync(BLOCK, { coercionType: Office.CoercionType.Html }, cb),
      );
      const html = await value<string>((cb) => item.body.getAsync(Office.CoercionType.Html, cb));
      check(html);
      const text = await value<string>((cb) => item.body.getAsync(Office.CoercionType.Text, cb));
      expect(text).toBe("Anslut: länk");
    }
  });

  it("refuses a body over 1,000,000 characters and leaves the body as it was", async () => {
    const store = newStore();
    const { Office, item } = open(store);
    const before = store.snapshot().body.value;
    const outcome = await result<void>((cb) =>
      item.body.setAsync("x".repeat(1_000_001), { coercionType: Office.CoercionType.Html }, cb),
    );
    expect(outcome.error.name).toBe("DataExceedsMaximumSize");
    expect(store.snapshot().body.value).toBe(before);
    const fits = await result<void>((cb) =>
      item.body.setAsync("x".repeat(1_000_000), { coercionType: Office.CoercionType.Text }, cb),
    );
    expect(String(fits.status)).toBe("succeeded");
  });

  it("fails with InvalidFormatError for an unknown coercion or HTML into a plain-text body", async () => {
    const store = newStore();
    const { Office, item } = open(store);
    const bad = await result<string>((cb) =>
      item.body.getAsync("ooxml" as Office.CoercionType, cb),
    );
    expect(bad.error.name).toBe("InvalidFormatError");
    store.setBodyType("text");
    const html = await result<void>((cb) =>
      item.body.setAsync("<b>x</b>", { coercionType: Office.CoercionType.Html }, cb),
    );
    expect(html.error.name).toBe("InvalidFormatError");
  });

  it("writes text without a coercionType, escaped, as Outlook does", async () => {
    const { Office, item } = open(newStore("client=mac"));
    await value<void>((cb) => item.body.setAsync("<b>1 < 2</b>\nrad två", cb));
    const html = await value<string>((cb) => item.body.getAsync(Office.CoercionType.Html, cb));
    expect(html).toContain("&lt;b&gt;1 &lt; 2&lt;/b&gt;<br>rad två");
  });

  it("prepends at the top, and inserts at the top while the body was never focused", async () => {
    const store = newStore("client=mac");
    const { Office, item } = open(store);
    const html = { coercionType: Office.CoercionType.Html };
    await value<void>((cb) => item.body.setAsync("<p>mitten</p>", html, cb));
    await value<void>((cb) => item.body.prependAsync("<p>först</p>", html, cb));
    const text = () => value<string>((cb) => item.body.getAsync(Office.CoercionType.Text, cb));
    expect(await text()).toBe("först\nmitten");
    // On Mac the caret goes to the start after a setAsync; on the web to the end.
    await value<void>((cb) => item.body.setSelectedDataAsync("<p>vid markören</p>", html, cb));
    expect((await text()).split("\n")[0]).toBe("vid markören");

    const web = open(newStore("client=web")).item;
    await value<void>((cb) => web.body.setAsync("<p>a</p>", html, cb));
    await value<void>((cb) => web.body.setSelectedDataAsync("<p>b</p>", html, cb));
    expect(await value<string>((cb) => web.body.getAsync(Office.CoercionType.Text, cb))).toBe(
      "a\nb",
    );
  });
});
