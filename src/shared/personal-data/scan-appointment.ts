import { AppointmentText, type FieldFinding, ScanOptions } from "./finding";
import { findPersonalData } from "./find-personal-data";
import { htmlToText } from "./html-to-text";

/**
 * Scans an appointment's subject, location and body (HTML, with our invitation block already
 * removed by the caller) for the task pane and the send check. Findings in the body have
 * offsets into `htmlToText(bodyHtml)`. Ordered subject, location, body, then by position.
 *
 * @throws ZodError when `appointment` or `options` is malformed.
 */
export function scanAppointment(
  appointment: AppointmentText,
  options?: ScanOptions,
): FieldFinding[] {
  const { subject, location, bodyHtml } = AppointmentText.parse(appointment);
  const scanOptions = ScanOptions.parse(options ?? {});
  const fields: Array<[FieldFinding["field"], string]> = [
    ["subject", subject],
    ["location", location],
    ["body", htmlToText(bodyHtml)],
  ];
  return fields.flatMap(([field, text]) =>
    findPersonalData(text, scanOptions).map((finding) => ({ field, finding })),
  );
}
