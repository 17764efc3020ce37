// zod/mini, not classic zod: the launch-event bundle (send check) imports the scanner and must
// stay under 40 KB gzip. `import { z } from "zod"` costs 92 KB gzip there (esbuild, zod 4.6),
// zod/mini about 5 KB, and nothing extra beside classic zod imported as a namespace.
import * as z from "zod/mini";

/** What the scanner recognises. Identity numbers block sending; everything else warns. */
export const PersonalDataKind = z.enum([
  "personnummer",
  "samordningsnummer",
  "reservnummer",
  "phone",
  "email",
  "address",
  "name",
]);
export type PersonalDataKind = z.infer<typeof PersonalDataKind>;

export const PersonalDataSeverity = z.enum(["block", "warn"]);
export type PersonalDataSeverity = z.infer<typeof PersonalDataSeverity>;

/**
 * One piece of personal data in a scanned text. `start`/`end` are UTF-16 offsets into the text
 * that was scanned (for a body: the output of `htmlToText`), `match` is `text.slice(start, end)`.
 */
const Offset = z.number().check(z.int(), z.nonnegative());

export const PersonalDataFinding = z.object({
  kind: PersonalDataKind,
  severity: PersonalDataSeverity,
  start: Offset,
  end: Offset,
  match: z.string(),
  /** Set on identity numbers from Skatteverket's published test list (still blocked). */
  testNumber: z.optional(z.boolean()),
});
export type PersonalDataFinding = z.infer<typeof PersonalDataFinding>;

/** Options from the client configuration (`ClientConfig.organisationDomains`). */
export const ScanOptions = z.object({
  /** E-mail addresses at these domains, or any subdomain of them, are not findings. */
  organisationDomains: z.optional(
    z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(253))).check(z.maxLength(200)),
  ),
  /**
   * Display names (or addresses) of the organiser and the attendees: a name finding that is one
   * of them is a member of staff, not a patient (see staff-names.ts). Empty strings are allowed
   * and ignored, because Office.js gives "" for an attendee without a display name. 1,000 names
   * is twice what an Outlook meeting can hold.
   */
  staffNames: z.optional(z.array(z.string().check(z.maxLength(256))).check(z.maxLength(1000))),
  /**
   * "block": only what blocks sending (identity numbers), for a text whose warnings are looked
   * for elsewhere (the send check's whole body, our block included). The same identity findings
   * as a full scan, which lets them win every overlap anyway, at a fraction of its cost.
   */
  only: z.optional(z.literal("block")),
});
export type ScanOptions = z.infer<typeof ScanOptions>;

/** The appointment fields the pane and the send check scan. */
export const AppointmentText = z.object({
  subject: z.string(),
  location: z.string(),
  /** The body as HTML, with our own invitation block already removed by the caller. */
  bodyHtml: z.string(),
});
export type AppointmentText = z.infer<typeof AppointmentText>;

export const AppointmentField = z.enum(["subject", "location", "body"]);
export type AppointmentField = z.infer<typeof AppointmentField>;

export const FieldFinding = z.object({ field: AppointmentField, finding: PersonalDataFinding });
export type FieldFinding = z.infer<typeof FieldFinding>;

/** Severity follows from the kind; keeping the rule in one place keeps the two from disagreeing. */
export function severityOf(kind: PersonalDataKind): PersonalDataSeverity {
  return kind === "personnummer" || kind === "samordningsnummer" || kind === "reservnummer"
    ? "block"
    : "warn";
}
