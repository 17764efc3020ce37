import type { ComposeAppointment } from "../../office/ports";
import type { NameFinding } from "../facts";
import { type NameReplacement, replaceNameInHtml, replaceNameInText } from "../name-edit";

/**
 * "Ta bort namnet": replaces the name in the field it was found in, reading the field afresh.
 * Resolves false when the name is no longer there (the user edited the text meanwhile).
 */
export async function removeName(
  appointment: ComposeAppointment,
  name: NameFinding,
  mode: NameReplacement,
): Promise<boolean> {
  if (name.field === "body") {
    const next = replaceNameInHtml(await appointment.getBody(), name.match, name.occurrence, mode);
    if (next === null) return false;
    await appointment.setBody(next);
    return true;
  }
  const read = name.field === "subject" ? appointment.getSubject : appointment.getLocation;
  const next = replaceNameInText(await read(), name.match, name.occurrence, mode);
  if (next === null) return false;
  await (name.field === "subject" ? appointment.setSubject(next) : appointment.setLocation(next));
  return true;
}

/** "Det är inte ett namn": these words are not reported again for this appointment. */
export function dismissName(appointment: ComposeAppointment, name: NameFinding): Promise<void> {
  return appointment.addNotName(name.match);
}
