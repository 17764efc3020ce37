import type { Compiler } from "webpack";

/** Fails a production build whose output holds the harness or emulator code (see the .js). */
export declare class DevCodeGuardPlugin {
  apply(compiler: Compiler): void;
}
