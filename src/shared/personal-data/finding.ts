import { z } from "zod";

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
export const PersonalDataFinding = z.object({
  kind: PersonalDataKind,
  severity: PersonalDataSeverity,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  match: z.string(),
  /** Set on identity numbers from Skatteverket's published test list (still blocked). */
  testNumber: z.boolean().optional(),
});
export type PersonalDataFinding = z.infer<typeof PersonalDataFinding>;

/** Options from the client configuration (`ClientConfig.organisationDomains`). */
export const ScanOptions = z.object({
  /** E-mail addresses at these domains, or any subdomain of them, are not findings. */
  organisationDomains: z.array(z.string().trim().min(1).max(253)).max(200).optional(),
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
