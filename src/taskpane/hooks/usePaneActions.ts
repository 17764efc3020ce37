import { type Dispatch, type RefObject, useMemo } from "react";
import { isRetryable, messageFor } from "../model/errors";
import { loadEngine } from "../model/load-engine";
import type {
  BusyAction,
  FocusTarget,
  PaneAction,
  PaneState,
  StatusMessage,
} from "../model/pane-state";
import type { PaneServices } from "../model/services";
import type { NameFinding } from "../model/facts";
import type { NameReplacement } from "../model/name-edit";

export interface PaneActions {
  select: (typeId: NonNullable<PaneState["selectedType"]>) => void;
  create: () => void;
  rebookSkype: () => void;
  beginChangeType: () => void;
  confirmChangeType: () => void;
  requestRemove: () => void;
  confirmRemove: () => void;
  backToSummary: () => void;
  start: () => void;
  restore: () => void;
  removeOrphan: () => void;
  /** "Ta bort namnet": with initials in its place or nothing. */
  removeName: (name: NameFinding, mode: NameReplacement) => void;
  /** "Det är inte ett namn". */
  notName: (name: NameFinding) => void;
  /** Resolves false when the update failed (the status says so). */
  updateTimes: () => Promise<boolean>;
  retry: (action: BusyAction) => void;
}

const success = (key: StatusMessage["key"], values?: StatusMessage["values"]): StatusMessage => ({
  tone: "success",
  key,
  ...(values ? { values } : {}),
});

// These act on a name the user picked: the warning stays, so the user clicks it again instead.
const NO_RETRY: ReadonlySet<BusyAction> = new Set(["removeName", "notName"]);

const unsaved: StatusMessage = { tone: "info", key: "errSaveItem" };

/** The organizer's actions. Each runs one flow at a time and ends in exactly one dispatch. */
export function usePaneActions(
  services: PaneServices,
  stateRef: RefObject<PaneState>,
  dispatch: Dispatch<PaneAction>,
): PaneActions {
  return useMemo(() => {
    const run = async (
      action: BusyAction,
      work: (state: PaneState) => Promise<PaneAction>,
      failureFocus?: FocusTarget | null,
    ): Promise<boolean> => {
      const state = stateRef.current;
      if (state.busy || state.phase !== "ready") return false;
      dispatch({ type: "begin", action });
      try {
        dispatch(await work(state));
        return true;
      } catch (error) {
        dispatch({
          type: "failed",
          status: {
            tone: "error",
            key: messageFor(error),
            ...(isRetryable(error) && !NO_RETRY.has(action) ? { retry: action } : {}),
          },
          ...(failureFocus !== undefined ? { focus: failureFocus } : {}),
        });
        return false;
      }
    };

    // Care and information meetings are marked Private (the policy decides per type), so that
    // delegates and shared calendars do not show the subject. Where the client cannot (Mailbox
    // < 1.14) the pane says so once per session and the user chooses Privat in the form. A type
    // that is not kept private undoes the pane's own marking (never the user's).
    const told = new Set<string>();
    const keepPrivate = async (state: PaneState, typeId: string): Promise<StatusMessage | null> => {
      if (!state.types.find((t) => t.id === typeId)?.markPrivate) {
        await services.appointment.unmarkPrivate().catch(() => {});
        return null;
      }
      const marked = await services.appointment.markPrivate().catch(() => false);
      if (marked || told.has("notPrivate")) return null;
      told.add("notPrivate");
      return { tone: "info", key: "notPrivate" };
    };

    const typeLabel = (state: PaneState, id: string): string =>
      state.types.find((t) => t.id === id)?.label[services.locale] ?? id;

    const book = (action: "create" | "rebookSkype") =>
      run(action, async (state) => {
        if (!state.selectedType) throw new Error("no type chosen");
        const booked = await (
          await loadEngine()
        ).createMeeting(services, state.selectedType, {
          replaceSkype: action === "rebookSkype",
        });
        const notPrivate = await keepPrivate(state, booked.booking.type);
        return {
          type: "booked",
          action,
          ...booked,
          status:
            notPrivate ??
            (booked.saved ? success(action === "create" ? "created" : "skypeRebooked") : unsaved),
        };
      });

    const actions: PaneActions = {
      select: (typeId) => dispatch({ type: "select", typeId }),
      create: () => void book("create"),
      rebookSkype: () => void book("rebookSkype"),
      beginChangeType: () => dispatch({ type: "view", view: "changeType" }),
      backToSummary: () => dispatch({ type: "view", view: "summary" }),
      requestRemove: () => dispatch({ type: "view", view: "confirmRemove" }),

      confirmChangeType: () =>
        void run("changeType", async (state) => {
          const { ref, booking, invitation, selectedType } = state;
          if (!ref || !booking || !invitation || !selectedType) throw new Error("no booking");
          if (selectedType === booking.type) {
            return { type: "done", status: { tone: "info", key: "sameType" }, focus: "typePicker" };
          }
          const changed = await (
            await loadEngine()
          ).changeMeetingType(services, ref, { booking, invitation }, selectedType);
          const notPrivate = changed.problem
            ? null
            : await keepPrivate(state, changed.booking.type);
          return {
            type: "booked",
            action: "changeType",
            ref,
            booking: changed.booking,
            invitation: changed.invitation,
            status: changed.problem
              ? { tone: "error", key: changed.problem }
              : notPrivate
                ? notPrivate
                : changed.saved
                  ? success("typeChanged", { type: typeLabel(state, changed.booking.type) })
                  : unsaved,
          };
        }),

      confirmRemove: () =>
        void run(
          "remove",
          async (state) => {
            if (!state.ref) throw new Error("no booking");
            const current =
              state.booking && state.invitation
                ? { booking: state.booking, invitation: state.invitation }
                : null;
            const { saved } = await (
              await loadEngine()
            ).removeMeeting(services, state.ref, current);
            return { type: "unbooked", status: saved ? success("removed") : unsaved };
          },
          "removeButton",
        ),

      start: () =>
        void run("start", async (state) => {
          if (!state.ref) throw new Error("no booking");
          await (await loadEngine()).startMeeting(services, state.ref);
          return { type: "done", status: { tone: "info", key: "started" } };
        }),

      restore: () =>
        void run("restore", async (state) => {
          const { ref, booking, invitation } = state;
          if (!ref || !booking || !invitation) throw new Error("no booking");
          const restored = await (
            await loadEngine()
          ).restoreBlock(services, ref, { booking, invitation });
          return {
            type: "booked",
            action: "restore",
            ref,
            booking: restored.booking,
            invitation: restored.invitation,
            status: success("restored"),
          };
        }),

      removeOrphan: () =>
        void run("removeOrphan", async () => {
          await (await loadEngine()).removeOrphanBlock(services);
          return { type: "done", status: success("orphanRemoved"), focus: "typePicker" };
        }),

      removeName: (name, mode) =>
        void run("removeName", async () => {
          const removed = await (await loadEngine()).removeName(services.appointment, name, mode);
          return removed
            ? { type: "done", status: success("nameRemoved") }
            : { type: "done", status: { tone: "info", key: "nameGone" } };
        }),

      notName: (name) =>
        void run("notName", async () => {
          await (await loadEngine()).dismissName(services.appointment, name);
          return { type: "done", status: success("notNameSaved") };
        }),

      updateTimes: () =>
        run(
          "updateTimes",
          async (state) => {
            const { ref, booking } = state;
            if (!ref || !booking) throw new Error("no booking");
            const updated = await (await loadEngine()).updateTimes(services, ref, booking);
            if (!updated) return { type: "done", status: state.status };
            return {
              type: "booked",
              action: "updateTimes",
              ref,
              ...updated,
              status: success("timesUpdated"),
            };
          },
          null,
        ),

      retry: (action) => {
        if (action === "create") actions.create();
        else if (action === "rebookSkype") actions.rebookSkype();
        else if (action === "changeType") actions.confirmChangeType();
        else if (action === "remove") actions.confirmRemove();
        else if (action === "start") actions.start();
        else if (action === "restore") actions.restore();
        else if (action === "removeOrphan") actions.removeOrphan();
        else if (action === "updateTimes") void actions.updateTimes();
      },
    };
    return actions;
  }, [services, stateRef, dispatch]);
}
