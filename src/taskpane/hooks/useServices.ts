import { useCallback, useEffect, useState } from "react";
import type { Environment } from "../environment";
import { mark } from "../marks";
import type { MessageKey } from "../i18n";
import { messageFor } from "../model/errors";
import type { PaneServices } from "../model/services";

export type ServicesState =
  | { phase: "loading" }
  | { phase: "ready"; services: PaneServices }
  | { phase: "failed"; error: MessageKey };

/** The organizer's services, with a retry when the service could not be reached at start. */
export function useServices(env: Environment): { state: ServicesState; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<ServicesState>({ phase: "loading" });
  useEffect(() => {
    let live = true;
    env.services().then(
      (services) => {
        mark("services");
        if (live) setState({ phase: "ready", services });
      },
      (error: unknown) => live && setState({ phase: "failed", error: messageFor(error) }),
    );
    return () => {
      live = false;
    };
  }, [env, attempt]);
  const retry = useCallback(() => {
    setState({ phase: "loading" });
    setAttempt((n) => n + 1);
  }, []);
  return { state, retry };
}
