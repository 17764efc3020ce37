// The Pexip, Graph and Entra ID emulators as their own process for the soak (free ports on
// loopback): a process of their own so that the soak's load and the emulators do not share an
// event loop, as in production. Prints one JSON line with what the service's environment needs,
// then runs until SIGTERM.
import { ENTRA_DEFAULTS, PEXIP_DEV_BASIC, startEmulators } from "../../src/emulators";

export interface EmulatorEndpoints {
  pexipUrl: string;
  graphUrl: string;
  entraUrl: string;
  tenantId: string;
  apiAppId: string;
  jwksUrl: string;
  pexipUsername: string;
  pexipPassword: string;
  graphClientSecret: string;
}

const emus = await startEmulators({ port: 0 });
const endpoints: EmulatorEndpoints = {
  pexipUrl: emus.pexip.url,
  graphUrl: emus.graph.url,
  entraUrl: emus.entra.url,
  tenantId: emus.entra.tenantId,
  apiAppId: emus.entra.apiAppId,
  jwksUrl: emus.entra.jwksUrl,
  pexipUsername: PEXIP_DEV_BASIC.username,
  pexipPassword: PEXIP_DEV_BASIC.password,
  graphClientSecret: ENTRA_DEFAULTS.clientSecret,
};
process.stdout.write(`${JSON.stringify({ emulators: endpoints })}\n`);
process.once("SIGTERM", () => {
  void emus.close().finally(() => process.exit(0));
});
