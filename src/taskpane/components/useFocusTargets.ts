import { useEffect, useRef } from "react";
import type { PaneState } from "../model/pane-state";

/** Refs for the places focus moves to after an action, and the effect that moves it. */
export function useFocusTargets(focus: PaneState["focus"]) {
  const bookedHeading = useRef<HTMLHeadingElement>(null);
  const typePicker = useRef<HTMLDivElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const changeTypeButton = useRef<HTMLButtonElement>(null);
  const status = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!focus) return;
    // After the render that shows the target: a frame later the element exists.
    const frame = requestAnimationFrame(() => {
      switch (focus.target) {
        case "bookedHeading":
          bookedHeading.current?.focus();
          break;
        case "typePicker": {
          const group = typePicker.current;
          (
            group?.querySelector<HTMLInputElement>("input:checked") ?? group?.querySelector("input")
          )?.focus();
          break;
        }
        case "removeButton":
          removeButton.current?.focus();
          break;
        case "changeTypeButton":
          changeTypeButton.current?.focus();
          break;
        case "status":
          status.current?.focus();
          break;
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [focus]);

  return { bookedHeading, typePicker, removeButton, changeTypeButton, status };
}
