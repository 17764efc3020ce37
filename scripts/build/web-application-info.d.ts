/** The API registration's client id for the manifest's WebApplicationInfo (see the .js). */
export declare function resolveApiAppId(env: { apiAppId?: string }): string | null;
export declare function withWebApplicationInfo(
  manifest: string,
  origin: string,
  apiAppId: string | null,
): string;
