import type { Catalogue } from "./sv";

// English for staff whose Outlook runs in English. The product's name, the 1177 template names,
// the Swedish system names (Personalverktyget, 1177) and the "Anslut tillsammans" text (it is
// pasted into a Swedish 1177 message) stay Swedish.
export const en: Catalogue = {
  appTitle: "Skyddat vårdmöte",
  loading: "Loading Skyddat vårdmöte …",
  openFromOutlook: "Open Skyddat vårdmöte from an appointment in Outlook.",
  noPersonalData: "No personal data may appear in the Outlook meeting invitation.",
  retry: "Try again",
  cancel: "Cancel",
  dismiss: "Dismiss message",
  working: "Working …",

  chooseType: "Choose meeting type",
  serviceLabel: "Video service",
  limitLabel: "Participant limit",
  limitValue: "{limit} participants, including those joining via 1177",
  noLimit: "None",
  createMeeting: "Create meeting",
  creating: "Creating meeting …",
  createBlocked: "Create meeting is unavailable until the identity number is removed.",
  createBlockedTime: "Create meeting is unavailable until the meeting time is changed.",
  created: "The meeting is created. The meeting information is in the invitation.",
  createResumed:
    "The meeting being created when the pane was closed is ready. The meeting information is now in the invitation.",

  bookedHeading: "Booked: {type}",
  timeLabel: "Time",
  seriesLabel: "Series",
  seriesUntil: "All occurrences up to and including {date}",
  seriesNoEnd: "All occurrences, no end date",
  joinLinkLabel: "Patient link",
  meetingLinkLabel: "Meeting link",
  changeType: "Change meeting type",
  changeTypeConfirm: "Change to {type}",
  changingType: "Changing meeting type …",
  changeTypeNote:
    "The meeting gets a new link and the old one stops working. Send the update to the attendees.",
  typeChanged: "The meeting type is now {type}. The new meeting information is in the invitation.",
  sameType: "Choose a different meeting type from the current one.",
  removeMeeting: "Remove meeting",
  removing: "Removing the meeting …",
  removed: "The meeting is removed. Send the update so that the attendees know.",
  removeConfirmTitle: "Remove the meeting?",
  removeConfirmText:
    "The video meeting is deleted and the meeting information is removed from the invitation. Nobody can join with the link any more.",
  startMeeting: "Start meeting",
  starting: "Opening the meeting …",
  started:
    "The meeting opens in a new window. Join in good time – it can take a while to set up camera and sound.",
  loadingMeeting: "Loading the meeting …",

  copyPatientLink: "Copy patient link",
  copyMeetingLink: "Copy meeting link",
  sameLinkPatient: "Interpreters and relatives use the same link as the patient.",
  sameLinkInternal: "Everyone, interpreters included, uses the same link.",
  hostLinkNote:
    "You join as host with Start meeting. It opens your host link, which you should not share.",
  copyJoinTogether: "Copy the text",
  copied: "Copied.",
  copyFailed: "Copying did not work. Select the text and copy it yourself (Ctrl+C).",
  patientHeading: "Send the link to the patient",
  patientText:
    "Send the link as a citizen message (invånarärende) in Personalverktyget to the patient's 1177 inbox. Use the central template:",
  patientNoOutlook: "Do not invite the patient in Outlook: the link goes via 1177.",
  childHeading: "When the patient is a child",
  childUnder13:
    "Children under 13: the meeting link is sent to the patient – a guardian acts as proxy (agera ombud).",
  childOver13:
    "Children over 13: it depends on who will join - the young person, guardians, relatives - and whether they join together.",
  joinTogetherHeading: "Suggested text asking them to join together",
  joinTogetherTitle: "Anslut tillsammans",
  joinTogetherText:
    "Om fler personer som är viktiga för barnet ska delta på mötet, till exempel båda vårdnadshavare eller annan närstående, behöver ni ansluta till mötet tillsammans. Detta eftersom endast {limit} deltagare kan ansluta till mötet totalt.",
  interpreterHeading: "Interpreter",
  interpreterText:
    "Send the link via Outlook to the interpreter service (Tolkservice or Tolkenheten).",

  warningsHeading: "To fix",
  personalDataTitle: "Personal data in the meeting",
  personalDataBlock: "Remove the identity number. Create meeting is unavailable until it is gone.",
  personalDataBlockBooked: "Remove the identity number before sending.",
  personalDataWarn: "Check the data and remove it from the meeting.",
  personalDataItem: "{field}: {kind} {match}",
  fieldSubject: "Subject",
  fieldLocation: "Location",
  fieldBody: "Body",
  kindPersonnummer: "personal identity number",
  kindSamordningsnummer: "coordination number",
  kindReservnummer: "reserve number",
  kindPhone: "phone number",
  kindEmail: "e-mail address",
  kindAddress: "postal address",
  kindName: "name",
  namesTitle: "Possible name in the meeting",
  namesText:
    "Subject and body show in calendars, on room panels and in forwarded invitations. Remove the patient's name, or replace it with initials.",
  nameExcerpt: "{field}:",
  nameMarked: "name",
  nameReplaceLabel: "What should stand instead?",
  nameReplaceInitials: "Replace with initials",
  nameReplaceNothing: "Remove entirely",
  removeName: "Remove the name",
  notName: "It is not a name",
  notPrivate:
    "The meeting is booked. This version of Outlook cannot mark the meeting private for you: choose Private in the meeting window.",
  nameRemoved: "The name is removed.",
  nameGone: "The name is no longer there. Check the text.",
  notNameSaved: "No more warnings about those words in this meeting.",
  teamsBlockTitle: "The invitation also has an ordinary Teams meeting",
  teamsBlockText:
    "Outlook added a Teams meeting without meeting protection. Turn off Teams meeting in the meeting window and Outlook removes it. If Outlook adds Teams to every meeting, turn that off under Settings > Calendar > Events and invitations.",
  skypeTitle: "The invitation is a Skype meeting",
  skypeText:
    "Skype is being switched off. Rebook the meeting: the Skype information is removed and a Skyddat vårdmöte of the chosen type is added.",
  rebookSkype: "Rebook the Skype meeting",
  rebookingSkype: "Rebooking the Skype meeting …",
  skypeRebooked: "The Skype meeting is rebooked as a Skyddat vårdmöte.",
  otherMeetingTitle: "The invitation has another video meeting",
  otherMeetingText:
    "There is a {service} meeting in the invitation. Remove it so that the invitation has only one meeting.",
  otherMeetingGeneric: "another video tool",
  skypeBookedText:
    "Skype is being switched off. Remove the Skype information from the invitation so that attendees only get the Skyddat vårdmöte link.",
  blockMissingTitle: "The meeting information is missing from the invitation",
  blockMissingText:
    "The meeting is booked, but the information on how to join was removed from the invitation.",
  blockEditedTitle: "The meeting information was changed",
  blockEditedText: "The meeting information in the invitation does not match the booking.",
  restoreBlock: "Restore the meeting information",
  restoring: "Restoring the meeting information …",
  restored: "The meeting information is restored in the invitation.",
  orphanTitle: "The invitation has information about a removed meeting",
  orphanText: "The link in the invitation goes to a meeting that no longer exists.",
  removeOrphan: "Remove the old meeting information",
  orphanRemoved: "The old meeting information is removed.",
  seriesTitle: "The meeting is a series",
  seriesText: "Every occurrence of the series uses the same meeting and the same link.",
  seriesNoEndText:
    "The series has no end date. The meeting is kept open for a year; set an end date if the series ends sooner.",

  timesUpdated: "The meeting time is updated in the video service.",
  timesUpdateFailed: "The new meeting time could not be saved in the video service.",
  updatingTimes: "Updating the meeting time …",

  attendeeHeading: "Join the meeting",
  attendeeJoin: "Join Skyddat vårdmöte",
  attendeeLobby: "You will wait in the lobby until the host lets you in.",
  attendeeNone: "This appointment has no Skyddat vårdmöte.",
  attendeeForeignLink:
    "The link in the invitation does not lead to the region's meeting service. Contact whoever sent the invitation.",

  errOffline:
    "This computer is not connected to a network. Check the network connection and try again.",
  errServiceBusy: "The Skyddat vårdmöte service is briefly unavailable. Try again in a moment.",
  errUnreachable:
    "The Skyddat vårdmöte service cannot be reached right now. Try again in a while; if it persists, contact IT support.",
  errSignIn: "Signing in did not work. Close the pane, open it again and retry.",
  errUnauthorized:
    "Your sign-in has expired. Try again; if that does not help, close and reopen the pane.",
  errForbidden:
    "The meeting can only be changed from the appointment it was created in. Open that appointment and try there.",
  errNotFound: "The meeting no longer exists in the service.",
  errConflict: "The meeting was changed elsewhere at the same time. Wait a moment and try again.",
  errValidation:
    "The meeting time cannot be used. Check that the end is after the start and that the meeting lasts at most 24 hours.",
  errPolicy: "The meeting type cannot be used for this meeting. Choose another meeting type.",
  errRateLimited: "Too many attempts in a short time. Wait a minute and try again.",
  errProviderUnavailable: "The video service is not answering right now. Try again in a while.",
  errProviderTimeout: "The video service did not answer in time. Try again in a while.",
  errProviderRejected:
    "The video service could not accept the change. Try again and contact IT support if it persists.",
  errProviderNotAuthorized:
    "The service is not authorised in the video service. Contact IT support.",
  errInternal:
    "Something went wrong in the service. Try again and contact IT support if it persists.",
  errBadResponse:
    "The service answered unexpectedly. Try again and contact IT support if it persists.",
  errOffice: "Outlook could not change the appointment. Try again.",
  errPlainText:
    "The invitation is plain text. Switch the format to HTML in the meeting window and try again.",
  errBodyTooLarge:
    "The invitation is too long to fit the meeting information. Shorten it and try again.",
  errCreateRolledBack:
    "The meeting information could not be written into the invitation, so the meeting was removed again. Nothing changed. Try again.",
  errCreateDangling:
    "The meeting information could not be written into the invitation. Close the appointment without saving and book again.",
  errSaveItem:
    "The meeting is ready but Outlook could not save the appointment. Save it yourself before closing it.",
  errRemoveBody:
    "The meeting is removed, but its information could not be taken out of the invitation. Remove it yourself: everything from the line of underscores above the meeting heading to the small line “Protected care meeting · ref. …” (in older invitations: from === Skyddat vårdmöte === to the closing line).",
  errChangeBody:
    "The new meeting type applies, but the invitation could not be updated. Choose Restore the meeting information.",
  errLoadTypes: "The meeting types could not be loaded.",
  errLoadMeeting: "The meeting could not be loaded.",
  errPane:
    "Something went wrong in Skyddat vårdmöte. The appointment is unchanged. Close the pane and open it again.",
  errQuota:
    "You already hold as many upcoming bookings as the region allows. Remove meetings you no longer need and try again.",
  errItem: "Outlook could not read the appointment. Close the pane and open it again.",
};
