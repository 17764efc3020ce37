// The harness's settings, from the page's query string (so a test or a bookmark can open any
// combination): which Outlook client it plays, its language and theme, organizer or attendee.
import { z } from "zod";
import { CLIENT_MODES, type ClientMode } from "../html/clients";

export const LANGUAGES = ["sv-SE", "en-US"] as const;
export const THEMES = ["light", "dark", "contrast"] as const;
export const MODES = ["organizer", "attendee"] as const;

const RequirementVersion = z
  .string()
  .regex(/^1\.\d{1,2}$/, 'a Mailbox requirement set version such as "1.14"');

export const HarnessSettings = z.object({
  client: z.enum(CLIENT_MODES).default("web"),
  lang: z.enum(LANGUAGES).default("sv-SE"),
  theme: z.enum(THEMES).default("light"),
  mode: z.enum(MODES).default("organizer"),
  /** Highest Mailbox requirement set the client supports; default per client. */
  mailbox: RequirementVersion.optional(),
  /** NestedAppAuth 1.1 supported: "1" or "0"; default per client. */
  naa: z.enum(["0", "1"]).optional(),
  /** The signed-in user's mailbox local part (the Entra emulator signs in the same name). */
  user: z
    .string()
    .regex(/^[a-z][a-z0-9.-]{0,40}$/, "a lower-case mailbox name such as anna")
    .default("anna"),
  /** Extra delay before each Office.js callback, in ms (0 = next task). */
  latency: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type HarnessSettings = z.infer<typeof HarnessSettings>;

/** What each client supports unless the query string says otherwise. */
const CLIENT_DEFAULTS: Record<ClientMode, { mailbox: string; naa: boolean }> = {
  web: { mailbox: "1.14", naa: true },
  classic: { mailbox: "1.14", naa: true },
  mac: { mailbox: "1.14", naa: true },
};

export function parseSettings(search: string): HarnessSettings {
  const params = Object.fromEntries(new URLSearchParams(search));
  const parsed = HarnessSettings.safeParse(params);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "?"}: ${i.message}`);
  throw new Error(`The harness's query string is not valid — ${problems.join("; ")}`);
}

export function settingsToSearch(settings: HarnessSettings): string {
  const params = new URLSearchParams();
  params.set("client", settings.client);
  params.set("lang", settings.lang);
  params.set("theme", settings.theme);
  params.set("mode", settings.mode);
  if (settings.mailbox) params.set("mailbox", settings.mailbox);
  if (settings.naa) params.set("naa", settings.naa);
  if (settings.user !== "anna") params.set("user", settings.user);
  if (settings.latency) params.set("latency", String(settings.latency));
  return `?${params.toString()}`;
}

export interface Requirements {
  mailbox: string;
  nestedAppAuth: boolean;
}

export function requirementsOf(settings: HarnessSettings): Requirements {
  const defaults = CLIENT_DEFAULTS[settings.client];
  return {
    mailbox: settings.mailbox ?? defaults.mailbox,
    nestedAppAuth: settings.naa === undefined ? defaults.naa : settings.naa === "1",
  };
}

/** Compares dotted versions numerically: "1.10" is newer than "1.9". */
export function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}
