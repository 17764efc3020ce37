import { z } from "zod";

/** Production: MSAL nested app authentication against Entra ID. */
export const MsalSignIn = z.object({
  kind: z.literal("msal"),
  clientId: z.string().min(1),
  authority: z.url({ protocol: /^https$/ }),
  scopes: z.array(z.string().min(1)).min(1),
});
export type MsalSignIn = z.infer<typeof MsalSignIn>;

/**
 * Embedded default: the Entra ID emulator's `POST /_emulator/users/token`. Still signed tokens
 * checked against a JWKS by the service: only where the token comes from differs.
 */
export const EmulatorSignIn = z.object({
  kind: z.literal("emulator"),
  tokenUrl: z.string().min(1),
  scopes: z.array(z.string().min(1)).min(1),
});
export type EmulatorSignIn = z.infer<typeof EmulatorSignIn>;

export const SignInConfig = z.discriminatedUnion("kind", [MsalSignIn, EmulatorSignIn]);
export type SignInConfig = z.infer<typeof SignInConfig>;

/** `GET /api/v1/client-config`: everything the pane needs before the user has signed in. */
export const ClientConfig = z.object({
  signIn: SignInConfig,
  /** Absolute URL or a path on the pane's own origin, e.g. "/api/v1". */
  apiBaseUrl: z.string().min(1),
  /** E-mail domains of the organisation: addresses here are not flagged by the scanner. */
  organisationDomains: z.array(z.string().min(1)),
  /** Attendees at these domains get the "patients are invited through 1177" warning. */
  consumerEmailDomains: z.array(z.string().min(1)),
  /**
   * Every host the policy's meeting types join on (the Pexip web-app host(s),
   * teams.microsoft.com): the attendee pane offers a block's link only when it goes to one.
   */
  joinHosts: z.array(z.string().min(1)),
});
export type ClientConfig = z.infer<typeof ClientConfig>;
