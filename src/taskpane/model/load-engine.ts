import type * as EngineModule from "./engine";

/** The engine chunk's exports (see engine.ts). */
export type Engine = typeof EngineModule;

let loading: Promise<Engine> | null = null;

/** Loads the engine chunk once; called at start so it is there before the user needs it. */
export function loadEngine(): Promise<Engine> {
  loading ??= import(/* webpackChunkName: "engine" */ "./engine");
  return loading;
}
