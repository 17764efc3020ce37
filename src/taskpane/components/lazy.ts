import { lazy } from "react";

// Parts not needed to show the type picker or the booked meeting: their code (Fluent's message
// bars, dialog, portal and motion) arrives in chunks requested right after the first render.
const warnings = () => import(/* webpackChunkName: "warnings" */ "./WarningList");
const dialog = () => import(/* webpackChunkName: "remove-dialog" */ "./RemoveDialog");

export const LazyWarningList = lazy(() => warnings().then((m) => ({ default: m.WarningList })));
export const LazyRemoveDialog = lazy(() => dialog().then((m) => ({ default: m.RemoveDialog })));

/** Fetches the lazy parts in the background so a click never waits for them. */
export function preloadLazyParts(): void {
  void warnings().catch(() => {});
  void dialog().catch(() => {});
}
