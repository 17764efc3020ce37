import type { Actor, HarnessStore } from "../store/store";
import { versionAtLeast } from "../store/settings";
import type { OperationQueue } from "./async";

/** What every part of the fake needs: the shared store, who is calling, and the call queue. */
export interface FakeContext {
  store: HarnessStore;
  session: Actor;
  queue: OperationQueue;
  /** Registers cleanup for when this realm goes away (the pane closes or reloads). */
  onClose(cleanup: () => void): void;
}

/** Whether the client supports this Mailbox requirement set (APIs above it do not exist). */
export function supports(ctx: FakeContext, version: string): boolean {
  return versionAtLeast(ctx.store.requirements.mailbox, version);
}
