import { z } from "zod";

/** Per-tenant switches of the Graph emulator (`POST /_emulator/tenants/{tid}`). */
export const tenantSettingsSchema = z
  .object({
    /** Organizers have Teams Premium: the Premium-only properties take effect. */
    premium: z.boolean(),
    /** Without Premium: "ignore" = accepted and not applied (default), "reject" = 403. */
    nonPremium: z.enum(["ignore", "reject"]),
    /** Organizers have Audio Conferencing: meetings get dial-in data. */
    audioConferencing: z.boolean(),
    /** The dial-in number shown; default a PTS fictional number (never a real one). */
    tollNumber: z.string().min(1),
    /**
     * Properties this tenant's Graph accepts and does not apply (onlineMeeting is an open type:
     * a property v1.0 does not know can be taken and dropped). Default none.
     */
    ignoredProperties: z.array(z.string().min(1)),
  })
  .strict();

export type TenantSettings = z.infer<typeof tenantSettingsSchema>;
export const tenantPatchSchema = tenantSettingsSchema.partial().strict();
export type TenantSettingsInput = z.infer<typeof tenantPatchSchema>;

export const DEFAULT_TENANT: TenantSettings = {
  premium: false,
  nonPremium: "ignore",
  audioConferencing: true,
  tollNumber: "+46 70 174 06 99",
  ignoredProperties: [],
};

/** Teams application access policy (`Grant-CsApplicationAccessPolicy`). */
export const accessPolicySchema = z
  .object({
    /** Granted globally (`-Global`): every user. Default true so the embedded default works. */
    grantAll: z.boolean().optional(),
    /** Object ids granted one by one. */
    granted: z.array(z.string().uuid()).optional(),
  })
  .strict();

export type AccessPolicyInput = z.infer<typeof accessPolicySchema>;

export class TenantDirectory {
  private tenants = new Map<string, TenantSettings>();
  private policy = { grantAll: true, granted: new Set<string>() };

  constructor(
    private readonly initialTenants: Record<string, TenantSettingsInput> = {},
    private readonly initialPolicy: AccessPolicyInput = {},
    private readonly defaults: TenantSettingsInput = {},
  ) {
    this.reset();
  }

  reset(): void {
    this.tenants = new Map(
      Object.entries(this.initialTenants).map(([tid, s]) => [
        tid.toLowerCase(),
        { ...DEFAULT_TENANT, ...this.defaults, ...s },
      ]),
    );
    this.setPolicy({ grantAll: true, granted: [], ...this.initialPolicy });
  }

  get(tenantId: string): TenantSettings {
    return this.tenants.get(tenantId.toLowerCase()) ?? { ...DEFAULT_TENANT, ...this.defaults };
  }

  set(tenantId: string, patch: TenantSettingsInput): TenantSettings {
    const next = { ...this.get(tenantId), ...patch };
    this.tenants.set(tenantId.toLowerCase(), next);
    return next;
  }

  setPolicy(input: AccessPolicyInput): void {
    this.policy = {
      grantAll: input.grantAll ?? this.policy.grantAll,
      granted: input.granted
        ? new Set(input.granted.map((g) => g.toLowerCase()))
        : this.policy.granted,
    };
  }

  isGranted(userOid: string): boolean {
    return this.policy.grantAll || this.policy.granted.has(userOid.toLowerCase());
  }

  view() {
    return {
      tenants: Object.fromEntries(this.tenants),
      accessPolicy: { grantAll: this.policy.grantAll, granted: [...this.policy.granted] },
    };
  }
}
