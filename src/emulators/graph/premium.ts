import { type CreateBody, type PatchBody } from "./meeting-schema";
import { type TenantSettings } from "./tenants";

/**
 * The onlineMeeting properties that need Teams Premium (watermark,
 * end-to-end encryption, templates and sensitivity labels are Premium by Microsoft's word;
 * hiding attendee names is listed as a Premium protection feature).
 */
const PREMIUM_ACTIVE: Record<string, (value: unknown) => boolean> = {
  watermarkProtection: (v) =>
    v !== null && typeof v === "object" && Object.values(v).some((x) => x === true),
  isEndToEndEncryptionEnabled: (v) => v === true,
  meetingTemplateId: (v) => v !== null && v !== undefined,
  sensitivityLabelAssignment: (v) => v !== null && v !== undefined,
  anonymizeIdentityForRoles: (v) => Array.isArray(v) && v.length > 0,
};

export type PremiumOutcome<T> =
  { ok: true; body: T; ignored: string[] } | { ok: false; properties: string[] };

/**
 * Without Premium the emulator by default accepts the request and does not apply the
 * Premium properties (they read back as unset), because Microsoft documents no error for
 * this and Teams applies licensing when the meeting runs; the service must therefore read
 * back what it got. A tenant switched to "reject" answers 403 instead.
 */
export function applyPremiumPolicy<T extends CreateBody | PatchBody>(
  body: T,
  tenant: TenantSettings,
): PremiumOutcome<T> {
  const outcome = premiumOutcome(body, tenant);
  if (!outcome.ok || tenant.ignoredProperties.length === 0) return outcome;
  // The tenant's Graph takes these and drops them, whatever the licence.
  const kept = { ...outcome.body };
  const dropped = tenant.ignoredProperties.filter((key) => key in kept);
  for (const key of dropped) delete kept[key as keyof T];
  return { ok: true, body: kept, ignored: [...outcome.ignored, ...dropped] };
}

function premiumOutcome<T extends CreateBody | PatchBody>(
  body: T,
  tenant: TenantSettings,
): PremiumOutcome<T> {
  if (tenant.premium) return { ok: true, body, ignored: [] };
  const used = Object.entries(PREMIUM_ACTIVE)
    .filter(([key, active]) => key in body && active(body[key as keyof T]))
    .map(([key]) => key);
  if (used.length === 0) return { ok: true, body, ignored: [] };
  if (tenant.nonPremium === "reject") return { ok: false, properties: used };
  const kept = { ...body };
  for (const key of used) delete kept[key as keyof T];
  return { ok: true, body: kept, ignored: used };
}
