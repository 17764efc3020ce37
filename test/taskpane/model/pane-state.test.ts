import { describe, expect, it } from "vitest";
import {
  type PaneState,
  initialPaneState,
  paneReducer,
} from "../../../src/taskpane/model/pane-state";
import { REF, booking, meeting, meetingTypes } from "../support/fixtures";

const ready = (over: Partial<PaneState> = {}): PaneState =>
  paneReducer(initialPaneState, {
    type: "loaded",
    types: meetingTypes.types,
    defaultType: "care",
    ref: null,
    booking: null,
    invitation: null,
    ...over,
  } as never);

describe("the organizer pane's state machine", () => {
  it("starts with the policy's default type chosen", () => {
    const state = ready();
    expect(state.phase).toBe("ready");
    expect(state.selectedType).toBe("care");
  });

  it("falls back to the first type when the default is not offered", () => {
    const state = paneReducer(initialPaneState, {
      type: "loaded",
      types: meetingTypes.types.filter((t) => t.id !== "care"),
      defaultType: "care",
      ref: null,
      booking: null,
      invitation: null,
    });
    expect(state.selectedType).toBe("information");
  });

  it("runs one action at a time", () => {
    const busy = paneReducer(ready(), { type: "begin", action: "create" });
    expect(busy.busy).toBe("create");
    expect(paneReducer(busy, { type: "begin", action: "remove" })).toBe(busy);
    expect(paneReducer(busy, { type: "select", typeId: "internal" })).toBe(busy);
  });

  it("moves focus to the result heading after Skapa möte", () => {
    const m = meeting();
    const state = paneReducer(paneReducer(ready(), { type: "begin", action: "create" }), {
      type: "booked",
      action: "create",
      ref: REF,
      booking: m.booking,
      invitation: m.invitation,
      status: { tone: "success", key: "created" },
    });
    expect(state.busy).toBeNull();
    expect(state.booking?.id).toBe(REF.bookingId);
    expect(state.focus?.target).toBe("bookedHeading");
    expect(state.status?.key).toBe("created");
  });

  it("moves focus back to the type picker after Ta bort möte", () => {
    const m = meeting();
    const booked = ready({ ref: REF, booking: m.booking, invitation: m.invitation });
    const confirming = paneReducer(booked, { type: "view", view: "confirmRemove" });
    const removing = paneReducer(confirming, { type: "begin", action: "remove" });
    expect(removing.view).toBe("summary");
    const removed = paneReducer(removing, {
      type: "unbooked",
      status: { tone: "success", key: "removed" },
    });
    expect(removed.booking).toBeNull();
    expect(removed.ref).toBeNull();
    expect(removed.focus?.target).toBe("typePicker");
  });

  it("returns focus to the button that opened a view when it is cancelled", () => {
    const m = meeting();
    const booked = ready({ ref: REF, booking: m.booking, invitation: m.invitation });
    const cancelledRemove = paneReducer(
      paneReducer(booked, { type: "view", view: "confirmRemove" }),
      {
        type: "view",
        view: "summary",
      },
    );
    expect(cancelledRemove.focus?.target).toBe("removeButton");
    const changing = paneReducer(booked, { type: "view", view: "changeType" });
    expect(changing.focus?.target).toBe("typePicker");
    const picked = paneReducer(changing, { type: "select", typeId: "internal" });
    const cancelled = paneReducer(picked, { type: "view", view: "summary" });
    expect(cancelled.focus?.target).toBe("changeTypeButton");
    expect(cancelled.selectedType).toBe("care");
  });

  it("focuses the message after a failure, except for background work", () => {
    const failed = paneReducer(paneReducer(ready(), { type: "begin", action: "create" }), {
      type: "failed",
      status: { tone: "error", key: "errUnreachable", retry: "create" },
    });
    expect(failed.focus?.target).toBe("status");
    expect(failed.status?.retry).toBe("create");
    const quiet = paneReducer(paneReducer(ready(), { type: "begin", action: "updateTimes" }), {
      type: "failed",
      status: { tone: "error", key: "errUnreachable" },
      focus: null,
    });
    expect(quiet.focus).toBeNull();
  });

  it("keeps the same state object when the facts did not change (no re-render on every poll)", () => {
    const facts = {
      findings: [],
      names: [],
      attendees: [],
      otherMeetings: [],
      blockState: null,
      orphanBlock: false,
      recurrence: null,
      window: { start: booking().start, end: booking().end, seriesEnd: null },
    };
    const once = paneReducer(ready(), { type: "facts", facts });
    expect(paneReducer(once, { type: "facts", facts: { ...facts } })).toBe(once);
  });
});
