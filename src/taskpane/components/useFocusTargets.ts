import { type RefObject, useEffect, useRef } from "react";
import type { FocusTarget, PaneState } from "../model/pane-state";

export interface FocusRefs {
  bookedHeading: RefObject<HTMLHeadingElement | null>;
  typePicker: RefObject<HTMLDivElement | null>;
  removeButton: RefObject<HTMLButtonElement | null>;
  changeTypeButton: RefObject<HTMLButtonElement | null>;
  status: RefObject<HTMLDivElement | null>;
}

/** Refs for the places focus moves to after an action, and the effect that moves it. */
export function useFocusTargets(focus: PaneState["focus"]): FocusRefs {
  const bookedHeading = useRef<HTMLHeadingElement>(null);
  const typePicker = useRef<HTMLDivElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const changeTypeButton = useRef<HTMLButtonElement>(null);
  const status = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!focus) return;
    const targets: Record<FocusTarget, () => HTMLElement | null | undefined> = {
      bookedHeading: () => bookedHeading.current,
      typePicker: () => {
        const group = typePicker.current;
        return (
          group?.querySelector<HTMLInputElement>("input:checked") ?? group?.querySelector("input")
        );
      },
      removeButton: () => removeButton.current,
      changeTypeButton: () => changeTypeButton.current,
      status: () => status.current,
    };
    // The target may arrive a few frames later (a lazily loaded view): try for about a second.
    let frame = 0;
    let tries = 0;
    const attempt = (): void => {
      const element = targets[focus.target]();
      if (element) element.focus();
      else if (++tries < 60) frame = requestAnimationFrame(attempt);
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
  }, [focus]);

  return { bookedHeading, typePicker, removeButton, changeTypeButton, status };
}
