// Office SSO for the launch events (legacy `Office.auth.getAccessToken`): the manifest names the
// booking API's registration in <WebApplicationInfo>, written in at build time because the id
// differs per region. Without it Office has no token to give the launch-event runtime, and time
// changes made while the pane is closed reach the service only when the pane next opens.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The API registration's client id from `--env apiAppId=…`; null if not given. Not read from
 * ENTRA_API_APP_ID: SSO needs its own registration steps (docs/deploy.md), so it is asked for.
 */
export function resolveApiAppId(env) {
  const value = env.apiAppId || "";
  if (!value) return null;
  if (!GUID.test(value))
    throw new Error(
      `apiAppId "${value}" must be the booking API registration's client id (a GUID), ` +
        "e.g. --env apiAppId=00000000-0000-0000-0000-000000000000",
    );
  return value.toLowerCase();
}

/**
 * The manifest with <WebApplicationInfo> as the last child of the VersionOverrides 1.1 element
 * (where the schema wants it). Resource is the API's Application ID URI in the form Office SSO
 * requires, api://<add-in host>/<client id>.
 */
export function withWebApplicationInfo(manifest, origin, apiAppId) {
  if (apiAppId === null) return manifest;
  const close = "    </VersionOverrides>\n  </VersionOverrides>";
  if (!manifest.includes(close) || manifest.includes("<WebApplicationInfo>"))
    throw new Error(
      "manifest.xml: expected VersionOverrides 1.1 inside 1.0 and no WebApplicationInfo",
    );
  const host = new URL(origin).host;
  const info = [
    "      <WebApplicationInfo>",
    `        <Id>${apiAppId}</Id>`,
    `        <Resource>api://${host}/${apiAppId}</Resource>`,
    "        <Scopes>",
    "          <Scope>openid</Scope>",
    "          <Scope>profile</Scope>",
    "        </Scopes>",
    "      </WebApplicationInfo>",
  ].join("\n");
  return manifest.replace(close, `${info}\n${close}`);
}
