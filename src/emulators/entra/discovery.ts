import { json, type Reply } from "../http/reply";
import { aadError } from "./aad-error";
import { resolveTenant, type TenantInfo } from "./tenant";

/**
 * `/{tenant}/v2.0/.well-known/openid-configuration` in Entra's shape. For "common" and
 * "organizations" the issuer keeps Entra's `{tenantid}` placeholder.
 */
export function openIdConfiguration(baseUrl: string, segment: string, tenant: TenantInfo): Reply {
  const kind = resolveTenant(segment, tenant);
  if (kind === "unknown")
    return aadError(400, "invalid_tenant", 90002, `Tenant '${segment}' not found.`);
  const path = kind === "tenant" ? tenant.tenantId : segment;
  const issuer = `${baseUrl}/${kind === "tenant" ? tenant.tenantId : "{tenantid}"}/v2.0`;
  return json(
    200,
    {
      token_endpoint: `${baseUrl}/${path}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: [
        "client_secret_post",
        "private_key_jwt",
        "client_secret_basic",
      ],
      jwks_uri: `${baseUrl}/${path}/discovery/v2.0/keys`,
      response_modes_supported: ["query", "fragment", "form_post"],
      subject_types_supported: ["pairwise"],
      id_token_signing_alg_values_supported: ["RS256"],
      response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
      scopes_supported: ["openid", "profile", "email", "offline_access"],
      issuer,
      request_uri_parameter_supported: false,
      userinfo_endpoint: "https://graph.microsoft.com/oidc/userinfo",
      authorization_endpoint: `${baseUrl}/${path}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${baseUrl}/${path}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${baseUrl}/${path}/oauth2/v2.0/logout`,
      claims_supported: [
        "sub",
        "iss",
        "cloud_instance_name",
        "cloud_instance_host_name",
        "cloud_graph_host_name",
        "msgraph_host",
        "aud",
        "exp",
        "iat",
        "auth_time",
        "acr",
        "nonce",
        "preferred_username",
        "name",
        "tid",
        "ver",
        "at_hash",
        "c_hash",
        "email",
      ],
      kerberos_endpoint: `${baseUrl}/${path}/kerberos`,
      tenant_region_scope: "EU",
      cloud_instance_name: "microsoftonline.com",
      cloud_graph_host_name: "graph.windows.net",
      msgraph_host: "graph.microsoft.com",
      rbac_url: "https://pas.windows.net",
    },
    { "access-control-allow-origin": "*", "cache-control": "max-age=86400, private" },
  );
}
