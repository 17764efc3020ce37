// The invitation block engine on a 1 MB Outlook body (issue 3): find, upsert, remove and the
// other-meeting recogniser. CPU time, median of 7 runs after a warm-up, of the engine as it
// ships (scripts/lib/shipped.ts), each run on its own copy of the body (the reader keeps the last).
import { fileURLToPath } from "node:url";
import { cpuMedianMsFresh as time, importShipped } from "./lib/shipped";
import type * as Engine from "../src/shared/invitation";
import { realisticBody } from "../test/shared/personal-data/adversarial-inputs";

export async function benchInvitation(): Promise<Array<[string, string]>> {
  const {
    findInvitationBlock,
    findOtherMeetings,
    removeInvitationBlock,
    renderInvitation,
    upsertInvitationBlock,
  } = await importShipped<typeof Engine>("src/shared/invitation/index.ts");
  const { html } = renderInvitation({
    bookingId: "3f1c2b8e-5d4a-4c3b-9a1e-7b6c5d4e3f2a",
    type: "internal",
    service: "teams",
    join: {
      url: "https://teams.microsoft.com/meet/123456789012?p=abcdef",
      meetingId: "123 456 789 012",
      passcode: "aB3dE5",
    },
    locale: "sv",
  });
  const plain = realisticBody();
  const booked = upsertInvitationBlock(plain, html);
  const mb = (booked.length / 1e6).toFixed(2);
  return [
    [`findInvitationBlock, ${mb} MB body`, `${time(booked, (b) => findInvitationBlock(b))} ms CPU`],
    [
      `upsertInvitationBlock (insert), ${mb} MB body`,
      `${time(plain, (b) => upsertInvitationBlock(b, html))} ms CPU`,
    ],
    [
      `upsertInvitationBlock (replace in place), ${mb} MB body`,
      `${time(booked, (b) => upsertInvitationBlock(b, html))} ms CPU`,
    ],
    [
      `removeInvitationBlock, ${mb} MB body`,
      `${time(booked, (b) => removeInvitationBlock(b))} ms CPU`,
    ],
    [`findOtherMeetings, ${mb} MB body`, `${time(booked, (b) => findOtherMeetings(b))} ms CPU`],
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [label, value] of await benchInvitation())
    process.stdout.write(`${label.padEnd(56)} ${value}\n`);
}
