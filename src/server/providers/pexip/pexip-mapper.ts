// Pure translations between a booking and Infinity's vocabulary; every Pexip field name of the
// service lives in this folder.
import type { JoinData, PexipMeetingType } from "../../../shared";
import type { PexipConfig } from "./pexip-config";
import { PexipConferenceCreate, type PexipConference } from "./pexip-schemas";

/** The VMR name for a meeting key: unique per booking meeting, nothing from the appointment. */
export function vmrName(config: Pick<PexipConfig, "namePrefix">, key: string): string {
  return `${config.namePrefix}${key}`;
}

export interface PexipConferenceInput {
  name: string;
  /** The numeric alias (guests' link, Virtual Reception, SIP user part). */
  alias: string;
  hostPin?: string;
  guestPin?: string;
  type: PexipMeetingType;
}

/** The POST body for one booking's VMR. */
export function toPexipConference(
  input: PexipConferenceInput,
  config: Pick<PexipConfig, "tag" | "description" | "sipDomain">,
): PexipConferenceCreate {
  const settings = input.type.pexip;
  return PexipConferenceCreate.parse({
    name: input.name,
    description: config.description,
    tag: config.tag,
    service_type: "conference",
    // Infinity matches the dialled string against aliases exactly: video systems dial the
    // full SIP URI, the web app and Virtual Reception use the bare number.
    aliases: [{ alias: input.alias }, { alias: `${input.alias}@${config.sipDomain}` }],
    allow_guests: true,
    pin: input.hostPin ?? "",
    guest_pin: input.guestPin ?? "",
    participant_limit: input.type.participantLimit,
    crypto_mode: settings.cryptoMode,
    enable_chat: settings.enableChat,
    guests_can_present: settings.guestsCanPresent,
    host_view: settings.hostView,
    guest_view: settings.guestView,
    host_identity_provider_group: settings.hostIdentityProviderGroup ?? null,
  });
}

function nodeBase(config: Pick<PexipConfig, "nodeUrl">): string {
  return config.nodeUrl.replace(/\/+$/, "");
}

function webappPath(alias: string): string {
  return `/webapp/m/${encodeURIComponent(alias)}`;
}

/**
 * What guests get. A guest PIN, when the type asks for one, travels as
 * `passcode`: guests must be told it, but it stays out of the link so a forwarded link alone
 * does not let anyone in.
 */
export function pexipJoinData(
  config: Pick<PexipConfig, "nodeUrl" | "sipDomain">,
  alias: string,
  guestPin?: string,
): JoinData {
  return {
    url: `${nodeBase(config)}${webappPath(alias)}/step-by-step?role=guest`,
    alias,
    sipUri: `${alias}@${config.sipDomain}`,
    ...(guestPin ? { passcode: guestPin } : {}),
  };
}

/**
 * The host's link for *Starta möte*: with the host PIN it joins straight in ("express"); with an
 * identity provider group the web app asks the host to sign in instead. A secret: never logged,
 * never in the invitation.
 */
export function pexipHostUrl(
  config: Pick<PexipConfig, "nodeUrl">,
  alias: string,
  hostPin: string | undefined,
): string {
  const base = `${nodeBase(config)}${webappPath(alias)}`;
  return hostPin ? `${base}/express?pin=${encodeURIComponent(hostPin)}` : `${base}/step-by-step`;
}

/** The numeric alias of a VMR we made (the other alias is its SIP form). */
export function numericAlias(conference: PexipConference): string | undefined {
  return conference.aliases.find((a) => /^\d+$/.test(a.alias))?.alias;
}
