// The provider layer's public surface for the rest of the service.
export type {
  CreateMeetingInput,
  CreatedMeeting,
  HostSecret,
  MeetingWindow,
  Organizer,
  ProviderRef,
  UpdateMeetingInput,
  VideoProvider,
} from "./video-provider";
export {
  createProviders,
  getProvider,
  missingProviders,
  type Providers,
  type ProvidersConfig,
} from "./registry";
export type { ProviderDeps } from "./provider-deps";
export { meetingKey, parseMeetingKey, MeetingKey } from "./meeting-key";
export { createPexipProvider, PexipConfig, type PexipConfigInput } from "./pexip";
export { createTeamsProvider, TeamsConfig, type TeamsConfigInput } from "./teams";
