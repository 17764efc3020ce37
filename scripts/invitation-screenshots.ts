// Draws the invitation block before and after the rule-and-footer frame into docs/screenshots/
// (`npm run screenshots:invitation`): each block inside an appointment body as a reader sees it,
// rendered by Debian's Chromium through playwright-core. "Before" is the old renderer's output,
// kept in test/fixtures/bodies/old-format-blocks.json; "after" is today's `renderInvitation`.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { renderInvitation } from "../src/shared/invitation";
import { type Locale, type MeetingTypeId } from "../src/shared/contract";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = `${ROOT}docs/screenshots`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// Fictional join data (the region of the examples; no real meeting).
const JOIN = {
  pexip: {
    url: "https://vmr.regionexempel.se/webapp/m/4711234567/step-by-step?role=guest",
    alias: "4711234567",
    sipUri: "4711234567@vmr.regionexempel.se",
  },
  teams: {
    url: "https://teams.microsoft.com/l/meetup-join/19%3ameeting_ZmY2NjQ4YjEtOTc1Zi00ZDNhLWE0YjItMmQ5ZTFiYzM0NTY3%40thread.v2/0",
    meetingId: "384 512 907 265",
    passcode: "Xq7Tb2",
  },
} as const;

const CASES: Array<{ key: string; type: MeetingTypeId; locale: Locale }> = [
  { key: "care-sv", type: "care", locale: "sv" },
  { key: "internal-sv", type: "internal", locale: "sv" },
  { key: "internal-en", type: "internal", locale: "en" },
];

const USER_TEXT: Record<Locale, string> = {
  sv: "<p>Hej!</p><p>Välkommen till uppföljningen av din behandling.</p>",
  en: "<p>Hello,</p><p>Welcome to the follow-up of your treatment.</p>",
};

// Outlook's reading pane: Aptos/Calibri 11 pt on white, about 640 px of text.
function page(body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body{margin:24px;width:640px;font-family:Aptos,Calibri,'Segoe UI',Arial,sans-serif;font-size:11pt;color:#242424;background:#fff}
p{margin:0}</style></head><body>${body}</body></html>`;
}

async function main(): Promise<void> {
  const old: { bookingId: string; blocks: Record<string, string> } = JSON.parse(
    readFileSync(`${ROOT}test/fixtures/bodies/old-format-blocks.json`, "utf8"),
  );
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const tab = await browser.newPage({ viewport: { width: 700, height: 400 } });
    for (const { key, type, locale } of CASES) {
      const service = type === "care" ? "pexip" : "teams";
      const after = renderInvitation({
        bookingId: old.bookingId,
        type,
        service,
        join: JOIN[service],
        locale,
      }).html;
      const before = old.blocks[key];
      if (before === undefined) throw new Error(`no old block ${key} in the fixture`);
      for (const [when, block] of [
        ["before", before],
        ["after", after],
      ] as const) {
        await tab.setContent(page(`${USER_TEXT[locale]}<p>&nbsp;</p>${block}`));
        const path = `${OUT}/invitation-${key}-${when}.png`;
        await tab.screenshot({ path, fullPage: true });
        process.stdout.write(`${path}\n`);
      }
    }
  } finally {
    await browser.close();
  }
}

await main();
