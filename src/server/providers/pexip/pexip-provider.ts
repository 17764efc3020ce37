// Pexip Infinity behind the VideoProvider contract: one VMR per booking meeting (one per
// recurring series), found again by its unique name after a crash and by its tag by reconcile.
import type { MeetingType, PexipMeetingType } from "../../../shared";
import { AppError, ProviderError } from "../../errors";
import { MeetingKey } from "../meeting-key";
import { systemClock } from "../../http";
import { defaultRandomInt, type ProviderDeps } from "../provider-deps";
import type { CreatedMeeting, ProviderRef, VideoProvider } from "../video-provider";
import { createPexipApi } from "./pexip-api";
import { PexipConfig, type PexipConfigInput } from "./pexip-config";
import {
  numericAlias,
  pexipHostUrl,
  pexipJoinData,
  toPexipConference,
  vmrName,
} from "./pexip-mapper";
import type { PexipConference } from "./pexip-schemas";
import { newAlias, newPins } from "./pexip-secrets";
import { createPexipStatusApi } from "./pexip-status";

/** New aliases to try when Infinity says the random one is taken (1 in 10^n odds each). */
const ALIAS_TRIES = 5;

function pexipType(type: MeetingType): PexipMeetingType {
  if (type.service !== "pexip") throw new AppError("internal", "pexip provider got a teams type");
  return type;
}

function checkedKey(key: string): string {
  if (!MeetingKey.safeParse(key).success) throw new AppError("internal", "invalid meeting key");
  return key;
}

/**
 * Creates the Pexip provider. Config errors throw a ZodError here, at start-up.
 *
 * - create: POST a VMR named `<namePrefix><meeting key>` with a random alias; a 400 on the name
 *   means an earlier attempt (a retry, a crashed request) already made it, so that VMR is the
 *   answer; a 400 on the alias means a collision, so a new alias is drawn.
 * - update: nothing remote. A VMR has no times (the service keeps the cleanup window) and
 *   Infinity advises against changing a VMR while a conference runs in it.
 * - delete: 404 counts as done.
 */
export function createPexipProvider(
  input: PexipConfigInput,
  deps: ProviderDeps = {},
): VideoProvider {
  const config = PexipConfig.parse(input);
  const api = createPexipApi(config, deps);
  const randomInt = deps.randomInt ?? defaultRandomInt;
  const status = createPexipStatusApi(api.http, config.tag, () =>
    (deps.clock ?? systemClock).now(),
  );

  function toRef(conference: PexipConference): ProviderRef {
    const data: Record<string, string> = {
      name: conference.name,
      hostAuth: conference.host_identity_provider_group ? "idp" : "pin",
    };
    const alias = numericAlias(conference);
    if (alias) data.alias = alias;
    if (conference.name.startsWith(config.namePrefix)) {
      data.meetingKey = conference.name.slice(config.namePrefix.length);
    }
    return { service: "pexip", externalId: String(conference.id), data };
  }

  function fromExisting(conference: PexipConference): CreatedMeeting {
    const alias = numericAlias(conference);
    if (conference.tag !== config.tag || !alias) {
      // Our name, but not a VMR we made: never hand out someone else's room.
      throw new ProviderError(
        "pexip",
        "create",
        "rejected",
        400,
        "name taken by a VMR without our tag",
      );
    }
    return {
      ref: toRef(conference),
      join: pexipJoinData(config, alias, conference.guest_pin || undefined),
      host: conference.pin ? { pin: conference.pin } : {},
    };
  }

  return {
    service: "pexip",

    async createMeeting({ bookingId, type }) {
      const settings = pexipType(type);
      const name = vmrName(config, checkedKey(bookingId));
      const deadline = api.deadline();
      const usesIdp = settings.pexip.hostIdentityProviderGroup !== undefined;
      // Infinity needs a host PIN before it takes a guest PIN, even when hosts use SSO.
      const pins = newPins(
        config.pinLength,
        { host: !usesIdp, guest: settings.pexip.guestPin },
        randomInt,
      );

      for (let tries = 0; tries < ALIAS_TRIES; tries += 1) {
        const alias = newAlias(config, randomInt);
        const body = toPexipConference({ name, alias, ...pins, type: settings }, config);
        const outcome = await api.create(body, deadline);
        if (outcome.created) {
          return {
            ref: {
              service: "pexip",
              externalId: outcome.id,
              data: { name, alias, hostAuth: usesIdp ? "idp" : "pin", meetingKey: bookingId },
            },
            join: pexipJoinData(config, alias, pins.guestPin),
            host: pins.hostPin ? { pin: pins.hostPin } : {},
          };
        }
        if (outcome.fields.includes("name")) {
          const existing = await api.findByName(name, deadline);
          if (existing) return fromExisting(existing);
        }
        if (!outcome.fields.includes("aliases")) {
          const fields = outcome.fields.join(", ") || "unknown";
          throw new ProviderError("pexip", "create", "rejected", 400, `invalid fields: ${fields}`);
        }
      }
      throw new ProviderError("pexip", "create", "rejected", 400, "no free alias found");
    },

    updateMeeting: () => Promise.resolve(),

    async deleteMeeting(ref) {
      await api.delete(ref.externalId, api.deadline());
    },

    async getMeeting(ref) {
      const conference = await api.get(ref.externalId, api.deadline());
      // Same id but another name would be somebody else's VMR, not ours.
      const ours = conference !== null && (!ref.data.name || conference.name === ref.data.name);
      return { exists: ours };
    },

    async findByBookingId(bookingId) {
      const conference = await api.findByName(
        vmrName(config, checkedKey(bookingId)),
        api.deadline(),
      );
      return conference && conference.tag === config.tag ? toRef(conference) : null;
    },

    async listOurs(options) {
      return (await api.listByTag(config.tag, options?.beforeRequest)).map((conference) => {
        const ref = toRef(conference);
        // Reconcile reads a room's age; Infinity writes UTC without a zone and with microseconds.
        const created = conference.creation_time
          ? Date.parse(`${conference.creation_time.slice(0, 23).replace(/Z$/, "")}Z`)
          : Number.NaN;
        if (Number.isFinite(created)) ref.data.createdAt = new Date(created).toISOString();
        return ref;
      });
    },

    hostUrl(ref, join, host) {
      const alias = join.alias ?? ref.data.alias;
      if (!alias) throw new AppError("internal", "pexip booking without alias");
      if (ref.data.hostAuth === "idp") return pexipHostUrl(config, alias, undefined);
      if (!host.pin) throw new AppError("internal", "pexip booking without host PIN");
      return pexipHostUrl(config, alias, host.pin);
    },

    async ping() {
      await api.ping(api.deadline());
    },

    // The status API names a running conference by its VMR's name.
    async roomCalls(ref) {
      if (!ref.data.name) throw new AppError("internal", "pexip booking without VMR name");
      return status.calls(ref.data.name);
    },

    async admitCalls(_ref, callIds) {
      let admitted = 0;
      for (const id of callIds) if (await status.unlock(id)) admitted += 1;
      return admitted;
    },
  };
}
