import { lazy } from "react";

// Not needed to show the type picker: Fluent's message bars (and their motion code) arrive in a
// chunk requested right after the first render; the booked meeting's view in one requested as
// soon as the item turns out to have a booking (while the booking itself is being fetched).
const warnings = () => import(/* webpackChunkName: "warnings" */ "./WarningList");
const booked = () => import(/* webpackChunkName: "booked" */ "./BookedView");

export const LazyWarningList = lazy(() => warnings().then((m) => ({ default: m.WarningList })));
export const LazyBookedView = lazy(() => booked().then((m) => ({ default: m.BookedView })));
// The organizer's read-form view shares most of the booked view's code (summary, Väntrum).
export const LazyReadBookedView = lazy(() =>
  import(/* webpackChunkName: "read-booked" */ "./ReadBookedView").then((m) => ({
    default: m.ReadBookedView,
  })),
);

export function preloadBookedView(): void {
  void booked().catch(() => {});
}
