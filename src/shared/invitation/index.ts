// The invitation block: render, find, replace and remove it in Outlook-rewritten HTML bodies,
// and recognise other meetings' join blocks (Skype, Teams, Zoom, Webex).
export { htmlEscape } from "./escape";
export {
  renderInvitation,
  MAX_LOCATION_LENGTH,
  type RenderInvitationInput,
  type RenderedInvitation,
} from "./render";
export {
  findInvitationBlock,
  upsertInvitationBlock,
  removeInvitationBlock,
  invitationBlockState,
  invitationBlockText,
  type FoundInvitationBlock,
  type FindBlockOptions,
  type InvitationBlockState,
} from "./block";
export { invitationDigest, linesDigest, textToLines } from "./digest";
export { BLOCK_ID_PREFIX, START_MARKER, endMarker } from "./markers";
export { unwrapSafeLink } from "./urls";
export { checkJoinLink, normaliseJoinHost, type JoinLinkVerdict } from "./join-link";
export {
  findOtherMeetings,
  removeOtherMeeting,
  type OtherMeeting,
  type OtherMeetingKind,
} from "./other-meetings";
export { classifyMeetingUrl } from "./meeting-urls";
