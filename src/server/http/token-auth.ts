// Bearer tokens from an OAuth 2.0 token endpoint (client credentials), cached until shortly
// before they expire: Pexip's OAuth2 and Entra ID's app-only tokens ask the same way and differ
// only in their fields and how the client assertion (RFC 7523) is signed.
import { importPKCS8 } from "jose";
import type { z } from "zod";
import { ProviderError } from "../errors";
import { systemClock } from "./clock";
import {
  createHttpClient,
  type AuthHook,
  type DescribeError,
  type HttpClientOptions,
  type ProviderName,
} from "./http-client";
import type { HttpPolicyInput } from "./http-policy";
import { createTokenCache } from "./token-cache";

export interface ClientCredentialsOptions {
  provider: ProviderName;
  tokenUrl: URL;
  policy?: HttpPolicyInput;
  describeError?: DescribeError;
  /** How the token requests go out (the provider's deps). */
  deps: Pick<HttpClientOptions, "transport" | "fetch" | "clock" | "random" | "observe">;
  /** Form fields besides grant_type and the assertion (client_id, scope, client_secret). */
  fields: Record<string, string>;
  /** Signs a client assertion for each token request; without one the fields authenticate. */
  assertion?: () => Promise<string>;
  schema: z.ZodType<{ access_token: string; expires_in: number }>;
}

export function clientCredentialsAuth(options: ClientCredentialsOptions): AuthHook {
  const { tokenUrl } = options;
  const http = createHttpClient({
    provider: options.provider,
    baseUrl: tokenUrl.origin,
    policy: options.policy,
    describeError: options.describeError,
    ...options.deps,
  });
  const cache = createTokenCache(async (deadline) => {
    const token = await http.send({
      operation: "token",
      method: "POST",
      path: tokenUrl.pathname + tokenUrl.search,
      form: {
        grant_type: "client_credentials",
        ...options.fields,
        ...(options.assertion
          ? {
              client_assertion_type: CLIENT_ASSERTION_TYPE,
              client_assertion: await options.assertion(),
            }
          : {}),
      },
      schema: options.schema,
      deadline,
    });
    return { value: token.access_token, expiresInSeconds: token.expires_in };
  }, options.deps.clock ?? systemClock);
  return {
    headers: async (deadline) => ({ authorization: `Bearer ${await cache.get(deadline)}` }),
    invalidate: () => cache.invalidate(),
  };
}

/** RFC 7523: the client authenticates with a signed JWT instead of a secret. */
const CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

type SigningKey = Awaited<ReturnType<typeof importPKCS8>>;

/**
 * The PKCS#8 private key client assertions are signed with, imported once. A key that cannot be
 * imported is a configuration problem (not_authorized), and the next token tries again.
 */
export function assertionKey(
  pem: string,
  alg: "ES256" | "RS256",
  provider: ProviderName,
): () => Promise<SigningKey> {
  let key: Promise<SigningKey> | undefined;
  return async () => {
    key ??= importPKCS8(pem, alg);
    try {
      return await key;
    } catch {
      key = undefined;
      throw new ProviderError(
        provider,
        "token",
        "not_authorized",
        undefined,
        `private key unusable for ${alg}`,
      );
    }
  };
}
