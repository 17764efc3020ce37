import type { MeetingTypeView } from "../../shared/contract";
import type { MessageKey } from "../i18n";

export interface LinkNames {
  label: MessageKey;
  copy: MessageKey;
  sameLink: MessageKey;
}

/**
 * One name for the guest link wherever the pane shows it: Patientlänk for a type with a patient
 * (it has 1177 templates), Möteslänk for one without (an internal meeting has no patient). While
 * the types are still loading the link is the patient's, as for most bookings.
 */
export function linkNames(type: MeetingTypeView | null): LinkNames {
  const patient = type === null || type.templates1177.length > 0;
  return patient
    ? { label: "joinLinkLabel", copy: "copyPatientLink", sameLink: "sameLinkPatient" }
    : { label: "meetingLinkLabel", copy: "copyMeetingLink", sameLink: "sameLinkInternal" };
}
