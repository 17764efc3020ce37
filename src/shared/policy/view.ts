import type { MeetingTypeId, MeetingTypesResponse } from "../contract";
import type { MeetingType, Policy } from "./schema";

/** The type with this id, or undefined when the region's policy does not offer it. */
export function getMeetingType(policy: Policy, id: MeetingTypeId): MeetingType | undefined {
  return policy.types.find((type) => type.id === id);
}

/**
 * The public view for `GET /api/v1/meeting-types`: words, service and limits only. Provider
 * settings (lobby scope, crypto mode, label ids) stay inside the service.
 */
export function toMeetingTypesResponse(policy: Policy): MeetingTypesResponse {
  return {
    defaultType: policy.defaultType,
    types: policy.types.map((type) => ({
      id: type.id,
      label: { ...type.label },
      description: { ...type.description },
      service: type.service,
      serviceName: { ...policy.serviceNames[type.service] },
      participantLimit: type.participantLimit,
      templates1177: [...type.templates1177],
      markPrivate: type.markPrivate ?? type.id !== "internal",
    })),
  };
}
