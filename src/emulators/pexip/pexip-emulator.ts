import { generateKeyPairSync } from "node:crypto";
import { systemClock, type Clock } from "../clock";
import { startEmulatorServer, type EmulatorCore, type EmulatorHandle } from "../emulator-server";
import { type FaultInput } from "../faults/fault-spec";
import { html, type Reply } from "../http/reply";
import { type EmuRequest } from "../http/request";
import { matchRoute } from "../http/router";
import { WindowLimiter, type WindowLimit } from "../window-limiter";
import { aliasRoutes } from "./alias-routes";
import { PexipAuth, type PexipOAuthClient } from "./auth";
import { commandRoutes } from "./command-routes";
import { conferenceRoutes } from "./conference-routes";
import { LiveConferences, type JoinOutcome, type JoinRequest } from "./live";
import { liveControlRoutes } from "./live-control";
import { conferenceStatus, participantStatus, statusRoutes } from "./status-routes";
import { PexipStore, type AliasView, type ConferenceView } from "./store";
import { plainError } from "./tastypie";
import { isWebappPath, webappPage } from "./webapp";

export interface PexipEmulatorOptions {
  /** Default 3001; 0 picks a free port. */
  port?: number;
  /** HTTP Basic account; false turns Basic off (Infinity's `api_oauth2_disable_basic`). */
  basic?: { username: string; password: string } | false;
  /** OAuth2 clients; by default one client "svm-oauth" with a generated ES256 key. */
  oauth2?: { clients: PexipOAuthClient[]; tokenTtlSeconds?: number } | false;
  /** Default 1000 requests per 60 s per Management Node; false = no limit. */
  rateLimit?: WindowLimit | false;
  faults?: FaultInput[];
  now?: Clock;
}

export interface PexipState {
  conferences: ConferenceView[];
  aliases: AliasView[];
  /** Running conferences as the status API shows them, each with its calls. */
  live: Array<ReturnType<typeof conferenceStatus> & { participants: ParticipantStatus[] }>;
}

export type ParticipantStatus = ReturnType<typeof participantStatus>;

export interface PexipEmulator extends EmulatorHandle<PexipState> {
  basic: { username: string; password: string } | null;
  /** The generated default OAuth2 client (null when `oauth2` was given or disabled). */
  oauth2: {
    clientId: string;
    privateKeyPem: string;
    publicKeyPem: string;
    tokenUrl: string;
  } | null;
  /** Same as POST /_emulator/participants: a caller joins by alias (with a PIN or a role). */
  join(request: JoinRequest): JoinOutcome;
  /** Same as DELETE /_emulator/participants/{id}: the caller hangs up. */
  leave(participantId: string): boolean;
}

export const PEXIP_DEV_BASIC = { username: "svm-api", password: "dev-password-not-for-production" };

/** Starts the Pexip Infinity management API emulator (and the node's /webapp/ join pages). */
export async function startPexipEmulator(
  options: PexipEmulatorOptions = {},
): Promise<PexipEmulator> {
  const now = options.now ?? systemClock;
  const basic = options.basic === false ? null : (options.basic ?? PEXIP_DEV_BASIC);
  const generated = options.oauth2 === undefined ? generateClient() : null;
  const oauth2 =
    options.oauth2 === false
      ? null
      : {
          clients: options.oauth2?.clients ?? (generated ? [generated] : []),
          tokenTtlSeconds: options.oauth2?.tokenTtlSeconds ?? 3600,
        };
  const store = new PexipStore(now);
  const auth = new PexipAuth({ basic, oauth2 }, now);
  const limiter =
    options.rateLimit === false
      ? null
      : new WindowLimiter(options.rateLimit ?? { limit: 1000, windowMs: 60_000 }, now);
  const live = new LiveConferences(store, now);
  const routes = [
    ...conferenceRoutes(store),
    ...aliasRoutes(store),
    ...statusRoutes(live),
    ...commandRoutes(live),
  ];
  let baseUrl = "";

  const handle = async (req: EmuRequest): Promise<Reply> => {
    const path = req.url.pathname;
    if (isWebappPath(path))
      return req.method === "GET" ? webappPage(req, store) : plainError("", 405);
    if (limiter && !limiter.take("management-node").ok) return plainError("Too Many Requests", 429);
    if (path === "/oauth/token/") {
      if (req.method !== "POST") return { status: 405, headers: { allow: "POST" } };
      return auth.token(req, [`${baseUrl}/oauth/token/`, `http://${req.url.host}/oauth/token/`]);
    }
    const match = matchRoute(routes, req);
    if (match.kind === "not-found") return html(404, "<h1>Not Found</h1>\n");
    if (!auth.isAuthorized(req)) return auth.unauthorized();
    if (match.kind === "method-not-allowed")
      return { status: 405, headers: { allow: match.allowed.join(", ") } };
    return match.handle(req, match.params);
  };

  const state = (): PexipState => ({
    conferences: store.allConferenceViews(),
    aliases: store.allAliasViews(),
    live: live.all().map((c) => ({
      ...conferenceStatus(c),
      participants: [...c.participants.values()].map((participant) =>
        participantStatus({ participant, conference: c }),
      ),
    })),
  });
  const reset = () => {
    live.reset();
    store.reset();
    auth.reset();
    limiter?.reset();
  };
  const core: EmulatorCore<PexipState> = {
    handle,
    state,
    reset,
    faultReply,
    controlRoutes: liveControlRoutes(live),
  };
  const server = await startEmulatorServer(core, options, 3001);
  baseUrl = server.url;
  return {
    ...server,
    basic,
    oauth2: generated && { ...generated, tokenUrl: `${server.url}/oauth/token/` },
    join: (request) => live.join(request),
    leave: (participantId) => live.leave(participantId),
  };
}

// A 5xx from Infinity usually comes from the web server in front of it, as HTML: a client
// must not assume a JSON error body.
function faultReply(status: number): Reply {
  if (status >= 500) return html(status, `<html><body><h1>${status}</h1></body></html>\n`);
  return plainError(status === 429 ? "Too Many Requests" : `Injected fault ${status}`, status);
}

function generateClient() {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return {
    clientId: "svm-oauth",
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}
