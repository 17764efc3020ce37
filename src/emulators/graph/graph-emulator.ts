import { z } from "zod";
import { systemClock, type Clock } from "../clock";
import {
  parseControlBody,
  startEmulatorServer,
  type EmulatorCore,
  type EmulatorHandle,
} from "../emulator-server";
import { type FaultInput } from "../faults/fault-spec";
import { json, withHeaders, type Reply } from "../http/reply";
import { type EmuRequest } from "../http/request";
import { matchRoute } from "../http/router";
import { WindowLimiter, type WindowLimit } from "../window-limiter";
import { GraphTokenCheck } from "./access-token";
import { graphError } from "./graph-error";
import { type OnlineMeeting } from "./meeting-model";
import { meetingRoutes } from "./meeting-routes";
import { MeetingStore, renderMeeting } from "./meeting-store";
import {
  accessPolicySchema,
  tenantPatchSchema,
  TenantDirectory,
  type AccessPolicyInput,
  type TenantSettings,
  type TenantSettingsInput,
} from "./tenants";

export interface GraphEmulatorOptions {
  /** Default 3002; 0 picks a free port. */
  port?: number;
  /** The Entra ID emulator; default http://127.0.0.1:3003. */
  entraUrl?: string;
  /** Default `${entraUrl}/common/discovery/v2.0/keys`. */
  jwksUrl?: string;
  /** Exact `iss` to accept; default `${entraUrl}/${tid}/v2.0` for the token's tenant. */
  issuer?: string;
  /** Per-tenant switches, by tenant id. */
  tenants?: Record<string, TenantSettingsInput>;
  /** Switches for tenants not listed. */
  tenantDefaults?: TenantSettingsInput;
  /** Default: granted to every user. */
  accessPolicy?: AccessPolicyInput;
  /** Per-app request limit answered with 429 + Retry-After; default 2000 per 10 s. */
  throttle?: WindowLimit | false;
  faults?: FaultInput[];
  now?: Clock;
}

export interface GraphState {
  meetings: OnlineMeeting[];
  tenants: Record<string, TenantSettings>;
  accessPolicy: { grantAll: boolean; granted: string[] };
  throttle: WindowLimit | null;
}

export interface GraphEmulator extends EmulatorHandle<GraphState> {
  /** Same as POST /_emulator/tenants/{tid}. */
  setTenant(tenantId: string, settings: TenantSettingsInput): TenantSettings;
  /** Same as POST /_emulator/access-policy. */
  setAccessPolicy(policy: AccessPolicyInput): void;
  /** Same as POST /_emulator/throttle. */
  setThrottle(limit: WindowLimit): void;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const throttleSchema = z
  .object({ limit: z.number().int().min(1), windowMs: z.number().int().min(1) })
  .strict();

/** Starts the Microsoft Graph online-meetings emulator. */
export async function startGraphEmulator(
  options: GraphEmulatorOptions = {},
): Promise<GraphEmulator> {
  const now = options.now ?? systemClock;
  const entraUrl = (options.entraUrl ?? "http://127.0.0.1:3003").replace(/\/$/, "");
  const tokens = new GraphTokenCheck({
    jwksUrl: options.jwksUrl ?? `${entraUrl}/common/discovery/v2.0/keys`,
    issuer: (tid) => options.issuer ?? `${entraUrl}/${tid}/v2.0`,
    now,
  });
  const store = new MeetingStore();
  const tenants = new TenantDirectory(
    options.tenants,
    options.accessPolicy,
    options.tenantDefaults,
  );
  const initialThrottle =
    options.throttle === false ? null : (options.throttle ?? { limit: 2000, windowMs: 10_000 });
  let throttle = initialThrottle && new WindowLimiter(initialThrottle, now);
  const routes = meetingRoutes({ store, tenants, now });

  const handle = async (req: EmuRequest): Promise<Reply> => {
    const path = req.url.pathname;
    if (/^\/v1\.0\/me(\/|$)/.test(path))
      return graphError(400, "/me request is only valid with delegated authentication flow.", {
        req,
      });
    const match = matchRoute(routes, req);
    if (match.kind === "not-found")
      return graphError(
        400,
        `Resource not found for the segment '${path.split("/").filter(Boolean).pop() ?? ""}'.`,
        { req },
      );
    const auth = await tokens.check(req);
    if (!auth.ok) return auth.reply;
    const admission = throttle?.take(auth.caller.appId) ?? { ok: true };
    if (!admission.ok)
      return withHeaders(
        graphError(429, "Too many requests. Retry after the time given in Retry-After.", { req }),
        {
          "retry-after": String(admission.retryAfterSeconds),
        },
      );
    if (match.kind === "method-not-allowed")
      return withHeaders(
        graphError(405, `The HTTP method '${req.method}' is not allowed.`, { req }),
        {
          allow: match.allowed.join(", "),
        },
      );
    const uid = match.params.uid!;
    if (!GUID.test(uid))
      return graphError(
        404,
        `User '${uid}' was not found. Application permissions need the user's object id.`,
        { req },
      );
    if (!tenants.isGranted(uid))
      return graphError(403, "No application access policy found for this app.", {
        code: "General",
        req,
      });
    return match.handle(req, { ...match.params, tid: auth.caller.tenantId });
  };

  const state = (): GraphState => ({
    meetings: store.all().map((s) => renderMeeting(s.meeting, true)),
    ...tenants.view(),
    throttle: throttle?.current ?? null,
  });
  const reset = () => {
    store.clear();
    tenants.reset();
    throttle = initialThrottle && new WindowLimiter(initialThrottle, now);
  };
  const setThrottle = (limit: WindowLimit) => {
    throttle = new WindowLimiter(limit, now);
  };
  const core: EmulatorCore<GraphState> = {
    handle,
    state,
    reset,
    faultReply: (status) => graphError(status, `Injected fault ${status}.`),
    controlRoutes: [
      {
        method: "POST",
        path: /^\/_emulator\/tenants\/(?<tid>[^/]+)$/,
        handle: (req, params) => {
          const body = parseControlBody(req, tenantPatchSchema);
          return body.ok
            ? json(200, { tenantId: params.tid, ...tenants.set(params.tid!, body.value) })
            : body.reply;
        },
      },
      {
        method: "POST",
        path: /^\/_emulator\/access-policy$/,
        handle: (req) => {
          const body = parseControlBody(req, accessPolicySchema);
          if (!body.ok) return body.reply;
          tenants.setPolicy(body.value);
          return json(200, tenants.view().accessPolicy);
        },
      },
      {
        method: "POST",
        path: /^\/_emulator\/throttle$/,
        handle: (req) => {
          const body = parseControlBody(req, throttleSchema);
          if (!body.ok) return body.reply;
          setThrottle(body.value);
          return json(200, body.value);
        },
      },
    ],
  };
  const server = await startEmulatorServer(core, options, 3002);
  return {
    ...server,
    setTenant: (tid, settings) => tenants.set(tid, tenantPatchSchema.parse(settings)),
    setAccessPolicy: (policy) => tenants.setPolicy(accessPolicySchema.parse(policy)),
    setThrottle: (limit) => setThrottle(throttleSchema.parse(limit)),
  };
}
