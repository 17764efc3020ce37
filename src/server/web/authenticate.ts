// Every /api/v1 route except client-config and meeting-types needs a verified Entra ID token.
import type { FastifyRequest } from "fastify";
import { type VerifyToken, bearerToken } from "../auth/token-verifier";
import { AppError } from "../errors";
import type { Organizer } from "../providers/video-provider";
import type { RateLimiter } from "./security";

declare module "fastify" {
  interface FastifyRequest {
    /** Set by the authenticate hook: the signed-in user's oid and tid. */
    user: Organizer | null;
  }
}

export function authenticate(verify: VerifyToken, byUser: RateLimiter) {
  return async (request: FastifyRequest): Promise<void> => {
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) throw new AppError("unauthorized", "no bearer token");
    request.user = await verify(token);
    await byUser(request);
  };
}

/** The signed-in user of an authenticated route. */
export function userOf(request: FastifyRequest): Organizer {
  if (!request.user) throw new AppError("unauthorized", "route without authentication");
  return request.user;
}
