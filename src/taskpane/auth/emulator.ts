import { z } from "zod";
import type { EmulatorSignIn } from "../../shared/contract";
import type { CachedToken } from "./token-cache";

/** The Entra ID emulator's answer; the service still verifies the signed token it carries. */
const EmulatorTokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive().optional(),
});

/** The user the emulator signs a token for: the local part of the Outlook account's address. */
export function emulatorUser(emailAddress: string): string {
  const local = emailAddress.split("@")[0]?.trim() ?? "";
  return local === "" ? "user" : local;
}

/** Embedded default only (client config kind "emulator"): POST tokenUrl {"user": …}. */
export async function fetchEmulatorToken(
  config: EmulatorSignIn,
  emailAddress: string,
  fetchFn: typeof fetch,
  now: () => number = Date.now,
): Promise<CachedToken> {
  const response = await fetchFn(config.tokenUrl, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ user: emulatorUser(emailAddress) }),
  });
  if (!response.ok) throw new Error(`emulator token: HTTP ${response.status}`);
  const parsed = EmulatorTokenResponse.safeParse(await response.json().catch(() => null));
  if (!parsed.success) throw new Error(`emulator token: ${parsed.error.message}`);
  return {
    value: parsed.data.access_token,
    expiresAt: now() + (parsed.data.expires_in ?? 300) * 1000,
  };
}
