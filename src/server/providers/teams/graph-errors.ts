// How Graph's and Entra's refusals read in our errors: codes and a hint for region IT, never
// Graph's own message text (it can name users and meetings).
import type { DescribeError } from "../../http";
import { EntraErrorBody, GraphErrorBody } from "./graph-schemas";

/**
 * Graph's 403 until a Teams application access policy covers the organizer.
 * The detail is what region IT needs; the service logs it and shows the pane a generic message.
 */
export function accessPolicyHint(clientId: string): string {
  return (
    "no Teams application access policy lets this app create meetings for the organizer. " +
    `Region IT: New-CsApplicationAccessPolicy -Identity SkyddatVardmote -AppIds "${clientId}", then ` +
    "Grant-CsApplicationAccessPolicy -PolicyName SkyddatVardmote -Global (or -Identity <the user's object id>). " +
    "A new grant can take up to 30 minutes to apply"
  );
}

export function describeGraphError(clientId: string): DescribeError {
  return (status, body) => {
    const parsed = GraphErrorBody.safeParse(body);
    if (!parsed.success) return undefined;
    const { code, message = "" } = parsed.data.error;
    if (status === 403 && /application access policy/i.test(message)) {
      return { kind: "not_authorized", detail: accessPolicyHint(clientId) };
    }
    if (status === 403 && /premium/i.test(message)) {
      return {
        kind: "rejected",
        detail:
          "Teams Premium options refused: license the organizers or set teamsPremium: false in the policy",
      };
    }
    return /^[A-Za-z]{1,60}$/.test(code) ? { detail: `Graph ${code}` } : undefined;
  };
}

/** Entra's token errors: the OAuth code and AADSTS numbers (documented, safe to log). */
export const describeEntraError: DescribeError = (status, body) => {
  const parsed = EntraErrorBody.safeParse(body);
  const aadsts = parsed.success ? (parsed.data.error_codes ?? []).map((c) => `AADSTS${c}`) : [];
  const detail = parsed.success ? [parsed.data.error, ...aadsts].join(" ") : undefined;
  // Entra answers a wrong secret, key or client id with 400/401: configuration, not an outage.
  if (status === 400 || status === 401) return { kind: "not_authorized", detail };
  return detail ? { detail } : undefined;
};
