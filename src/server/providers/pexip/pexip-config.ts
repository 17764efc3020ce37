import { z } from "zod";
import { HttpsUrl } from "../../../shared";
import { HttpPolicy } from "../../http";

const Pem = (kind: string) =>
  z.string().refine((pem) => pem.includes(`-----BEGIN ${kind}-----`), {
    error: `must be a PEM "${kind}"`,
  });

/** HTTP Basic with a dedicated API account (not an LDAP account, not admin). */
const BasicAuth = z.object({
  kind: z.literal("basic"),
  username: z.string().min(1),
  password: z.string().min(1),
});

/**
 * OAuth2 client credentials with an ES256 client assertion (RFC 7523): the client id and
 * private key that Infinity shows once under Users & Devices > OAuth2 Clients.
 */
const OAuth2Auth = z.object({
  kind: z.literal("oauth2"),
  clientId: z.string().min(1),
  privateKeyPem: Pem("PRIVATE KEY"),
  /** Default `<managementUrl>/oauth/token/`. */
  tokenUrl: HttpsUrl.optional(),
  scope: z.string().min(1).default("is_admin use_api"),
});

/** The booking service's Pexip Infinity settings (region IT fills these in; see docs/deploy.md). */
export const PexipConfig = z
  .object({
    /** Management Node, e.g. "https://pexmgr.region.se" (credentials go there: https only). */
    managementUrl: HttpsUrl,
    /** Conferencing Node address that guest and host links point to, e.g. "https://vmr.region.se". */
    nodeUrl: HttpsUrl,
    /** SIP domain of the VMR aliases, e.g. "vmr.region.se" (SIP URI = alias@domain). */
    sipDomain: z
      .string()
      .regex(
        /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i,
        {
          error: "must be a domain name",
        },
      ),
    auth: z.discriminatedUnion("kind", [BasicAuth, OAuth2Auth]),
    /** Fixed leading digits of every alias (lets call routing send them to our VMRs). */
    aliasPrefix: z
      .string()
      .regex(/^\d{1,10}$/, { error: "must be 1–10 digits" })
      .default("9100"),
    /** Total alias length in digits, prefix included (≥ 9; at least 5 random digits). */
    aliasLength: z.number().int().min(9).max(20).default(12),
    /** Marks everything we create, so reconcile and region IT can find it. */
    tag: z.string().min(1).max(250).default("skyddat-vardmote"),
    /** VMR name = prefix + meeting key (Pexip names are unique). */
    namePrefix: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,19}$/, { error: "lower-case letters, digits and -" })
      .default("svm-"),
    /** Fixed text: nothing from the appointment ever goes into a VMR. */
    description: z.string().min(1).max(250).default("Skyddat vårdmöte"),
    /** Digits of host PINs (and guest PINs, which Pexip wants the same length). */
    pinLength: z.number().int().min(6).max(20).default(8),
    http: HttpPolicy.prefault({}),
  })
  .superRefine((config, ctx) => {
    if (config.aliasLength - config.aliasPrefix.length < 5) {
      ctx.addIssue({
        code: "custom",
        path: ["aliasLength"],
        message: "must leave at least 5 random digits after aliasPrefix",
      });
    }
  });
export type PexipConfig = z.infer<typeof PexipConfig>;
export type PexipConfigInput = z.input<typeof PexipConfig>;
