import { z } from "zod";
import { HttpsUrl } from "../../../shared";
import { HttpPolicy } from "../../http";

const Pem = (kind: string) =>
  z.string().refine((pem) => pem.includes(`-----BEGIN ${kind}-----`), {
    error: `must be a PEM "${kind}"`,
  });

/** A client secret of the app registration (Certificates & secrets > Client secrets: the Value). */
const SecretCredential = z.object({
  kind: z.literal("secret"),
  clientSecret: z.string().min(1),
});

/**
 * A certificate credential: the private key, and the certificate named by its thumbprint
 * (give the certificate itself, the SHA-1 thumbprint the Entra portal shows, or the `x5t`).
 */
const CertificateCredential = z
  .object({
    kind: z.literal("certificate"),
    privateKeyPem: Pem("PRIVATE KEY"),
    certificatePem: Pem("CERTIFICATE").optional(),
    /** Hex SHA-1 thumbprint as the Entra portal lists it. */
    thumbprint: z
      .string()
      .regex(/^[0-9a-fA-F]{40}$/, { error: "must be 40 hex digits (SHA-1)" })
      .optional(),
    /** base64url SHA-1 of the certificate (the JWT header's x5t). */
    x5t: z
      .string()
      .regex(/^[A-Za-z0-9_-]{27}$/, { error: "must be 27 base64url characters" })
      .optional(),
  })
  .refine((c) => c.certificatePem ?? c.thumbprint ?? c.x5t, {
    error: "give certificatePem, thumbprint or x5t",
  });

/** The booking service's Microsoft Graph settings (see docs/deploy.md for the app registration). */
export const TeamsConfig = z.object({
  graphUrl: HttpsUrl.default("https://graph.microsoft.com/v1.0"),
  /** Entra ID authority host; tokens come from `<authorityUrl>/<tenantId>/oauth2/v2.0/token`. */
  authorityUrl: HttpsUrl.default("https://login.microsoftonline.com"),
  tenantId: z.string().regex(/^[A-Za-z0-9.-]{1,253}$/, { error: "must be a tenant id or domain" }),
  /** Application (client) id of the booking service's app registration. */
  clientId: z.string().min(1).max(100),
  credential: z.discriminatedUnion("kind", [SecretCredential, CertificateCredential]),
  graphScope: z.string().min(1).default("https://graph.microsoft.com/.default"),
  /** Fixed: nothing from the appointment ever becomes a meeting subject. */
  subject: z.string().min(1).max(255).default("Skyddat vårdmöte"),
  http: HttpPolicy.prefault({}),
  /**
   * A test user's object id (GRAPH_PROBE_ORGANIZER_OID): when set, start-up creates and deletes
   * one meeting per type that uses an uncertain setting, and refuses to start if Graph does
   * not apply it. The user needs the Teams application access policy.
   */
  probeOrganizerOid: z.guid({ error: "must be a user's object id (GUID)" }).optional(),
});
export type TeamsConfig = z.infer<typeof TeamsConfig>;
export type TeamsConfigInput = z.input<typeof TeamsConfig>;
