import { useCallback, useEffect, useRef, useState } from "react";
import { copyText } from "../clipboard";

export type CopyResult = "copied" | "failed" | null;

/** Copies on click and says so for a few seconds (announced by the caller's live region). */
export function useCopy(): { result: CopyResult; copy: (text: string) => void } {
  const [result, setResult] = useState<CopyResult>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const copy = useCallback((text: string) => {
    void copyText(text).then((ok) => {
      setResult(ok ? "copied" : "failed");
      if (timer.current) clearTimeout(timer.current);
      // Failures stay: the user needs the instruction until they have copied by hand.
      if (ok) timer.current = setTimeout(() => setResult(null), 5000);
    });
  }, []);
  return { result, copy };
}
