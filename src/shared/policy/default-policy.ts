import { deepFreeze } from "./freeze";
import { type Policy, type PolicyInput, PolicySchema, type InvitationTemplate } from "./schema";

// Words shared by the types' invitations. "Anslut i god tid …" is the seed's own sentence.
const SV_GOOD_TIME = "Anslut i god tid – det kan ta lite tid att ställa in kamera och ljud.";
const EN_GOOD_TIME = "Join in good time – it can take a while to set up camera and sound.";
const SV_LOBBY = "Du väntar i lobbyn tills mötesvärden släpper in dig.";
const EN_LOBBY = "You will wait in the lobby until the host lets you in.";

function pexipInvitation(): { sv: InvitationTemplate; en: InvitationTemplate } {
  return {
    sv: {
      heading: "Skyddat vårdmöte via Pexip",
      lines: [
        "Anslut till mötet: {{url}}",
        SV_GOOD_TIME,
        SV_LOBBY,
        "Videosystem (SIP): {{sipUri}}",
        "Mötesnummer för videosystem: {{alias}}",
      ],
      location: "Skyddat vårdmöte (Pexip) {{url}}",
    },
    en: {
      heading: "Protected care meeting via Pexip",
      lines: [
        "Join the meeting: {{url}}",
        EN_GOOD_TIME,
        EN_LOBBY,
        "Video system (SIP): {{sipUri}}",
        "Meeting number for video systems: {{alias}}",
      ],
      location: "Protected care meeting (Pexip) {{url}}",
    },
  };
}

function teamsInvitation(
  svLobby: string,
  enLobby: string,
  heading: { sv: string; en: string } = {
    sv: "Skyddat vårdmöte via Teams med mötesskydd",
    en: "Protected care meeting via Teams with meeting protection",
  },
): {
  sv: InvitationTemplate;
  en: InvitationTemplate;
} {
  return {
    sv: {
      heading: heading.sv,
      lines: [
        "Anslut till mötet: {{url}}",
        SV_GOOD_TIME,
        svLobby,
        "Mötes-ID: {{meetingId}}",
        "Lösenord: {{passcode}}",
        "Ring in: {{dialInNumber}}",
        "Konferens-ID: {{dialInConferenceId}}",
      ],
      location: "Skyddat vårdmöte (Teams) {{url}}",
    },
    en: {
      heading: heading.en,
      lines: [
        "Join the meeting: {{url}}",
        EN_GOOD_TIME,
        enLobby,
        "Meeting ID: {{meetingId}}",
        "Passcode: {{passcode}}",
        "Dial in: {{dialInNumber}}",
        "Phone conference ID: {{dialInConferenceId}}",
      ],
      location: "Protected care meeting (Teams) {{url}}",
    },
  };
}

// The input form, so the built-in policy goes through exactly the same schema as a region's file.
const DEFAULT_POLICY_INPUT: PolicyInput = {
  version: 1,
  defaultType: "care",
  defaultLocale: "sv",
  teamsPremium: false,
  serviceNames: {
    pexip: { sv: "Pexip", en: "Pexip" },
    teams: { sv: "Teams med mötesskydd", en: "Teams with meeting protection" },
  },
  pexip: { openMinutesBefore: 30, cleanupGraceMinutes: 60 },
  types: [
    {
      id: "care",
      label: { sv: "Vårdmöte patient", en: "Care meeting with patient" },
      description: {
        sv: "Enskild patient där fler än 2 deltar, behandlingsgrupp där integritetskänslig information delas mellan deltagare, samverkansmöte (SIP).",
        en: "One patient with more than 2 participants, a treatment group where sensitive information is shared between participants, a coordination meeting (SIP).",
      },
      service: "pexip",
      participantLimit: 15,
      templates1177: ["Skyddat digitalt vårdmöte", "Skyddat digitalt vårdmöte i grupp"],
      invitation: pexipInvitation(),
      pexip: {
        cryptoMode: "on",
        guestPin: false,
        hostView: "one_main_seven_pips",
        guestView: "one_main_seven_pips",
        enableChat: "default",
        guestsCanPresent: false,
        // Care meetings: the pane shows who waits by initials and counts, not by name.
        waitingRoomNames: "initials",
      },
    },
    {
      id: "information",
      label: { sv: "Informationsmöte patient", en: "Information meeting for patients" },
      description: {
        sv: "Föreläsning/utbildning med patient/närstående där innehållet är generellt och av allmän karaktär.",
        en: "A lecture or education for patients or relatives whose content is general.",
      },
      service: "teams",
      participantLimit: null,
      templates1177: ["Skyddat digitalt informationsmöte i grupp – anonymt deltagande"],
      invitation: teamsInvitation(SV_LOBBY, EN_LOBBY),
      teams: {
        lobbyScope: "organizer",
        dialInBypassesLobby: false,
        allowedPresenters: "organizer",
        allowMeetingChat: "disabled",
        allowRecording: false,
        allowTranscription: false,
        allowAttendeeToEnableMic: false,
        allowAttendeeToEnableCamera: false,
        // Announcing names would undo the anonymous participation promised in the 1177 template.
        isEntryExitAnnounced: false,
        passcodeRequired: true,
        premium: {
          watermarkProtection: false,
          endToEndEncryption: false,
          anonymizeAttendees: true,
        },
      },
    },
    {
      id: "internal",
      label: { sv: "Internt möte utan patient", en: "Internal meeting without patient" },
      description: {
        sv: "Interna möten där man pratar patientfall, ronder, interna vårdkonferenser.",
        en: "Internal meetings about patient cases, rounds, internal care conferences.",
      },
      service: "teams",
      participantLimit: null,
      templates1177: [],
      invitation: teamsInvitation(
        "Deltagare utanför organisationen väntar i lobbyn tills mötesvärden släpper in dem.",
        "Participants from outside the organisation wait in the lobby until the host lets them in.",
        // An internal meeting is no care meeting with a patient: its heading says what it is.
        {
          sv: "Internt möte via Teams med mötesskydd",
          en: "Internal meeting via Teams with meeting protection",
        },
      ),
      teams: {
        // "organization" would let B2B guests skip the lobby; outsiders wait.
        lobbyScope: "organizationExcludingGuests",
        dialInBypassesLobby: false,
        allowedPresenters: "organizer",
        allowMeetingChat: "enabled",
        allowRecording: false,
        allowTranscription: false,
        allowAttendeeToEnableMic: true,
        allowAttendeeToEnableCamera: true,
        isEntryExitAnnounced: true,
        passcodeRequired: true,
        premium: { watermarkProtection: true, endToEndEncryption: true, anonymizeAttendees: false },
      },
    },
  ],
};

/** The built-in policy, used when the region supplies no file. Frozen. */
export const DEFAULT_POLICY: Policy = deepFreeze(PolicySchema.parse(DEFAULT_POLICY_INPUT));
