import type { Compiler } from "webpack";

/** Fails a production build whose output holds the harness, emulator or dev-package code (see the .js). */
export declare class DevCodeGuardPlugin {
  apply(compiler: Compiler): void;
}
