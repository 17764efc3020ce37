// Teams med mötesskydd behind the VideoProvider contract: a standalone onlineMeeting under the
// organizer (app-only, needs the Teams application access policy), keyed by externalId so a repeat
// after a crash finds the same meeting.
import type { MeetingType, TeamsMeetingType } from "../../../shared";
import { AppError, ProviderError } from "../../errors";
import { MeetingKey } from "../meeting-key";
import type { ProviderDeps } from "../provider-deps";
import type { CreatedMeeting, ProviderRef, VideoProvider } from "../video-provider";
import { createGraphApi, type GraphPatch } from "./graph-api";
import type { GraphCreateOnly, GraphMeetingSettings, GraphOnlineMeeting } from "./graph-schemas";
import { TeamsConfig, type TeamsConfigInput } from "./teams-config";
import {
  graphTimes,
  hasCreateOnly,
  needsCreateOnly,
  teamsJoinData,
  toGraphCreateOnly,
  toGraphMeetingSettings,
  unappliedSettings,
} from "./teams-mapper";

/** createOrGet → create rounds when a create goes unanswered (the deadline ends them sooner). */
const ROUNDS = 3;

function teamsType(type: MeetingType): TeamsMeetingType {
  if (type.service !== "teams") throw new AppError("internal", "teams provider got a pexip type");
  return type;
}

function checkedKey(key: string): string {
  if (!MeetingKey.safeParse(key).success) throw new AppError("internal", "invalid meeting key");
  return key;
}

function organizerOf(ref: ProviderRef): string {
  const oid = ref.data.organizerOid;
  if (!oid) throw new AppError("internal", "teams ref without organizer");
  return oid;
}

function sameInstant(a: string | null | undefined, b: string): boolean {
  return a !== null && a !== undefined && Date.parse(a) === Date.parse(b);
}

/**
 * Creates the Teams provider. Config errors throw a ZodError here, at start-up.
 *
 * - create: `createOrGet` (externalId = meeting key, subject "Skyddat vårdmöte", start and end),
 *   then PATCH the type's protection. createOrGet cannot set a passcode or a Premium template
 *   and PATCH cannot add them later, so when the type wants one, the createOrGet answer serves
 *   only to find an earlier attempt's meeting: a meeting without them is deleted and made again
 *   with a plain create that carries everything. Whatever Graph did not apply fails the create.
 * - find: createOrGet again; a meeting it had to make (201) was not there, so it is deleted and
 *   the answer is null.
 * - update: PATCH start and end together. delete: 404 counts as done. list: Graph cannot list.
 */
export function createTeamsProvider(
  input: TeamsConfigInput,
  deps: ProviderDeps = {},
): VideoProvider {
  const config = TeamsConfig.parse(input);
  const api = createGraphApi(config, deps);

  const toRef = (meeting: GraphOnlineMeeting, oid: string, key: string): ProviderRef => ({
    service: "teams",
    externalId: meeting.id,
    data: { organizerOid: oid, meetingKey: key },
  });

  return {
    service: "teams",

    async createMeeting({ bookingId, type, policy, window, organizer }) {
      const key = checkedKey(bookingId);
      const teams = teamsType(type);
      const oid = organizer.oid;
      const deadline = api.deadline();
      const settings = toGraphMeetingSettings(teams, policy);
      const createOnly = toGraphCreateOnly(teams, policy);
      const base = { externalId: key, subject: config.subject, ...graphTimes(window) };

      // The meeting is handed out only when Graph shows every protection applied.
      const settle = async (
        meeting: GraphOnlineMeeting,
        sent: Partial<GraphMeetingSettings & GraphCreateOnly>,
      ): Promise<CreatedMeeting> => {
        const unapplied = unappliedSettings(sent, meeting);
        const join = teamsJoinData(meeting);
        if (unapplied.length === 0 && join)
          return { ref: toRef(meeting, oid, key), join, host: {} };
        await api.delete(oid, meeting.id, "create", deadline).catch(() => undefined);
        const detail = join
          ? `Teams did not apply ${unapplied.join(", ")}` +
            (policy.teamsPremium ? " (does the organizer have Teams Premium?)" : "")
          : "no usable join link in Graph's answer";
        throw new ProviderError("teams", "create", "rejected", undefined, detail);
      };

      const protect = async (meeting: GraphOnlineMeeting, existed: boolean) => {
        const patch: GraphPatch = { ...settings };
        const times = graphTimes(window);
        const moved =
          !sameInstant(meeting.startDateTime, times.startDateTime) ||
          !sameInstant(meeting.endDateTime, times.endDateTime);
        if (existed && moved) Object.assign(patch, times);
        let patched: GraphOnlineMeeting;
        try {
          patched = await api.patch(oid, meeting.id, patch, "create", deadline);
        } catch (error) {
          // Never leave an unprotected meeting behind (the service also cleans up by key).
          await api.delete(oid, meeting.id, "create", deadline).catch(() => undefined);
          throw error;
        }
        return settle(patched, settings);
      };

      let unanswered: ProviderError | undefined;
      for (let round = 0; round < ROUNDS; round += 1) {
        const { existed, meeting } = await api.createOrGet(oid, base, deadline);
        if (!needsCreateOnly(createOnly) || hasCreateOnly(meeting, createOnly)) {
          return protect(meeting, existed);
        }
        await api.delete(oid, meeting.id, "create", deadline);
        try {
          const made = await api.create(oid, { ...base, ...settings, ...createOnly }, deadline);
          return await settle(made, { ...settings, ...createOnly });
        } catch (error) {
          // A create without an answer may have got through: the next createOrGet tells.
          if (
            !(error instanceof ProviderError) ||
            !error.retryable ||
            error.operation !== "create"
          ) {
            throw error;
          }
          unanswered = error;
        }
      }
      throw unanswered ?? new ProviderError("teams", "create", "unavailable");
    },

    async updateMeeting(ref, { window }) {
      await api.patch(
        organizerOf(ref),
        ref.externalId,
        graphTimes(window),
        "update",
        api.deadline(),
      );
    },

    async deleteMeeting(ref) {
      await api.delete(organizerOf(ref), ref.externalId, "delete", api.deadline());
    },

    async getMeeting(ref) {
      const meeting = await api.get(organizerOf(ref), ref.externalId, api.deadline());
      return { exists: meeting !== null };
    },

    async findByBookingId(bookingId, organizer) {
      const key = checkedKey(bookingId);
      const deadline = api.deadline();
      const { existed, meeting } = await api.createOrGet(
        organizer.oid,
        { externalId: key, subject: config.subject },
        deadline,
      );
      if (existed) return toRef(meeting, organizer.oid, key);
      // Graph can only find by making: what createOrGet just made was not there before.
      await api.delete(organizer.oid, meeting.id, "find", deadline);
      return null;
    },

    listOurs: () => Promise.resolve(null),

    // The organizer joins as themselves through the same link; Teams knows them.
    hostUrl: (_ref, join) => join.url,

    async ping() {
      await api.ping(api.deadline());
    },
  };
}
