// The send check's figures (issue 7): the size of the launch-event bundle and the time
// onAppointmentSend takes on a 1 MB body, end to end in a bare JavaScript context (the built
// bundle, a fake Office item) as classic Outlook's JavaScript-only runtime would run it.
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { invitationDigest, renderInvitation, upsertInvitationBlock } from "../src/shared";
import { fakeOffice, type FakeItemState } from "../test/commands/support/fake-office";
import { launchEventBundle, loadBundle } from "../test/commands/support/run-bundle";

const RUNS = 7;
const BOOKING_ID = "3f1c2b8e-5d4a-4c3b-9a1e-7b6c5d4e3f2a";
const JOIN_URL = "https://vmr.region.example.se/webapp/m/910012345678/step-by-step?role=guest";

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** A 1 MB Word-made body (as classic Outlook returns it) with nothing personal in it. */
function cleanWordBody(): string {
  const head =
    '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 15"><style><!-- p.MsoNormal {margin:0cm;} --></style></head><body lang=SV><div class=WordSection1>';
  const parts: string[] = [head];
  let size = head.length;
  for (let i = 1; size < 1_000_000; i++) {
    const p = `<p class=MsoNormal>Punkt ${i}: genomgång av rutiner för vårdplanering, lokal 3B, kl. 14.30–15.00, möte ${2026}-11-27.<o:p></o:p></p>`;
    parts.push(p);
    size += p.length;
  }
  parts.push("</div></body></html>");
  return parts.join("");
}

function item(body: string, subject = "Uppföljning"): FakeItemState {
  const invitation = renderInvitation({
    bookingId: BOOKING_ID,
    type: "care",
    service: "pexip",
    join: { url: JOIN_URL },
    locale: "sv",
  });
  const start = new Date("2026-12-01T09:00:00.000Z");
  const end = new Date("2026-12-01T10:00:00.000Z");
  const snapshot = {
    type: "care",
    joinUrl: JOIN_URL,
    start: start.toISOString(),
    end: end.toISOString(),
    seriesEnd: null,
    participantLimit: 15,
    blockDigest: invitationDigest(invitation.text),
    organisationDomains: ["region.example"],
  };
  return {
    subject,
    location: invitation.location,
    body: upsertInvitationBlock(body, invitation.html),
    start,
    end,
    required: ["kurator@region.example"],
    optional: [],
    recurrenceEnd: undefined,
    props: { bookingId: BOOKING_ID, manageKey: "k".repeat(43), booking: JSON.stringify(snapshot) },
  };
}

async function timeSend(state: FakeItemState): Promise<{ ms: number; outcome: string }> {
  const runtime = loadBundle(fakeOffice(state));
  let outcome = "";
  const times: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const started = performance.now();
    const options = await runtime.run("onAppointmentSend");
    if (i > 0) times.push(performance.now() - started); // the first run warms the code up
    outcome = options?.allowEvent ? "allowed" : "blocked";
  }
  if (runtime.fetches.length > 0)
    throw new Error("the send check called the network on the happy path");
  return { ms: Math.round(median(times) * 10) / 10, outcome };
}

export async function benchLaunchEvent(): Promise<Array<[string, string]>> {
  const bundle = launchEventBundle();
  const body = cleanWordBody();
  const clean = await timeSend(item(body));
  const withNumber = await timeSend(item(body, "Samtal 19121212-1212"));
  return [
    [
      "launchevent.js size (minified / gzip)",
      `${(bundle.length / 1024).toFixed(1)} KB / ${(gzipSync(bundle).length / 1024).toFixed(1)} KB (budget 40 KB gzip)`,
    ],
    [
      `onAppointmentSend, ${(body.length / 1e6).toFixed(2)} MB body, clean (median of ${RUNS})`,
      `${clean.ms} ms, ${clean.outcome}`,
    ],
    [
      `onAppointmentSend, same body, identity number in Ämne`,
      `${withNumber.ms} ms, ${withNumber.outcome}`,
    ],
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [label, value] of await benchLaunchEvent())
    process.stdout.write(`${label.padEnd(64)} ${value}\n`);
}
