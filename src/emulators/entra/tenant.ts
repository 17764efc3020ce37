/** The one tenant the emulator hosts, and how a path's {tenant} segment resolves to it. */
export interface TenantInfo {
  tenantId: string;
  /** Verified domain, usable instead of the id in paths; also the UPN suffix. */
  domain: string;
}

export type TenantSegment = "tenant" | "multi" | "unknown";

export function resolveTenant(segment: string, tenant: TenantInfo): TenantSegment {
  const s = segment.toLowerCase();
  if (s === tenant.tenantId.toLowerCase() || s === tenant.domain.toLowerCase()) return "tenant";
  if (s === "common" || s === "organizations") return "multi";
  return "unknown";
}
