import {
  startEntraEmulator,
  type EntraEmulator,
  type EntraEmulatorOptions,
} from "./entra/entra-emulator";
import {
  startGraphEmulator,
  type GraphEmulator,
  type GraphEmulatorOptions,
} from "./graph/graph-emulator";
import {
  startPexipEmulator,
  type PexipEmulator,
  type PexipEmulatorOptions,
} from "./pexip/pexip-emulator";

export interface EmulatorsOptions {
  /** 0 starts all three on free ports (each one's own `port` still wins). */
  port?: 0;
  pexip?: PexipEmulatorOptions;
  /** `entraUrl`, `jwksUrl` and `issuer` are wired to the Entra emulator. */
  graph?: Omit<GraphEmulatorOptions, "entraUrl" | "jwksUrl">;
  entra?: EntraEmulatorOptions;
}

export interface Emulators {
  pexip: PexipEmulator;
  graph: GraphEmulator;
  entra: EntraEmulator;
  close(): Promise<void>;
}

/** Starts all three, Graph trusting the Entra emulator's keys and issuer. */
export async function startEmulators(options: EmulatorsOptions = {}): Promise<Emulators> {
  const port = (own: number | undefined, fallback: number) =>
    own ?? (options.port === 0 ? 0 : fallback);
  const entra = await startEntraEmulator({
    ...options.entra,
    port: port(options.entra?.port, 3003),
  });
  const started: Array<{ close(): Promise<void> }> = [entra];
  try {
    const graph = await startGraphEmulator({
      ...options.graph,
      port: port(options.graph?.port, 3002),
      entraUrl: entra.url,
      jwksUrl: entra.jwksUrl,
    });
    started.push(graph);
    const pexip = await startPexipEmulator({
      ...options.pexip,
      port: port(options.pexip?.port, 3001),
    });
    return {
      pexip,
      graph,
      entra,
      close: async () => {
        await Promise.all([pexip.close(), graph.close(), entra.close()]);
      },
    };
  } catch (err) {
    await Promise.all(started.map((s) => s.close()));
    throw err;
  }
}
