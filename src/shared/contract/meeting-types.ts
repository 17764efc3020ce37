import { z } from "zod";
import { LocalizedText, MeetingTypeId, ServiceId } from "./ids";

/** One type as the pane shows it in the picker: words and limits, no provider internals. */
export const MeetingTypeView = z.object({
  id: MeetingTypeId,
  label: LocalizedText,
  description: LocalizedText,
  service: ServiceId,
  /** The service's display name, e.g. "Teams med mötesskydd". */
  serviceName: LocalizedText,
  participantLimit: z.number().int().positive().nullable(),
  /** Central 1177 templates to suggest for sending the patient link; empty = no patient. */
  templates1177: z.array(z.string().min(1)),
  /** The pane marks the appointment Private (Outlook's sensitivity) when booked as this type. */
  markPrivate: z.boolean().optional(),
});
export type MeetingTypeView = z.infer<typeof MeetingTypeView>;

/** `GET /api/v1/meeting-types`. */
export const MeetingTypesResponse = z.object({
  defaultType: MeetingTypeId,
  types: z.array(MeetingTypeView).min(1),
});
export type MeetingTypesResponse = z.infer<typeof MeetingTypesResponse>;
