import { lazy } from "react";

// Not needed to show the type picker or the booked meeting: Fluent's message bars (and their
// motion code) arrive in a chunk requested right after the first render.
const warnings = () => import(/* webpackChunkName: "warnings" */ "./WarningList");

export const LazyWarningList = lazy(() => warnings().then((m) => ({ default: m.WarningList })));
