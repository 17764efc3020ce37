import { Body1, Button, Caption1, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, useEffect } from "react";
import { afterPaint } from "../after-paint";
import { usePane } from "../hooks/usePane";
import { useI18n } from "../i18n/context";
import type { PaneServices } from "../model/services";
import { CreatePanel } from "./CreatePanel";
import { LazyBookedView, LazyWarningList, preloadBookedView } from "./lazy";
import { StatusArea } from "./StatusArea";
import { useFocusTargets } from "./useFocusTargets";

export interface OrganizerPaneProps {
  services: PaneServices;
}

const useStyles = makeStyles({
  root: { display: "grid", rowGap: tokens.spacingVerticalL },
  failed: { display: "grid", rowGap: tokens.spacingVerticalS, justifyItems: "start" },
  footer: { color: tokens.colorNeutralForeground2 },
});

/** The organizer's pane: book, change, start and remove the meeting, with warnings first. */
export function OrganizerPane({ services }: OrganizerPaneProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const pane = usePane(services);
  const { state } = pane;
  const refs = useFocusTargets(state.focus);
  const ready = state.phase === "ready";
  useEffect(() => {
    // Skapa möte leads to the booked view: its code should be here before the click.
    return ready ? afterPaint(preloadBookedView) : undefined;
  }, [ready]);
  const busy = state.busy !== null;
  const type = state.types.find((candidate) => candidate.id === state.booking?.type) ?? null;
  const typeLabel = (id: string): string =>
    state.types.find((c) => c.id === id)?.label[locale] ?? id;

  return (
    <div className={styles.root}>
      <StatusArea
        busy={state.busy}
        status={state.status}
        onRetry={pane.retry}
        onDismiss={pane.dismiss}
        statusRef={refs.status}
      />
      {state.phase === "loading" && <Spinner size="small" label={t("loading")} />}
      {state.phase === "failed" && (
        <div className={styles.failed} role="alert">
          <Body1>
            {t("errLoadTypes")} {state.loadError ? t(state.loadError) : ""}
          </Body1>
          <Button appearance="primary" onClick={pane.reload}>
            {t("retry")}
          </Button>
        </div>
      )}
      {state.phase === "ready" && (
        <>
          {pane.warnings.length > 0 && (
            <Suspense fallback={null}>
              <LazyWarningList
                warnings={pane.warnings}
                busy={busy}
                booked={state.booking !== null}
                typeLabel={typeLabel}
                onRestore={pane.restore}
                onRebookSkype={pane.rebookSkype}
                onRemoveOrphan={pane.removeOrphan}
                onRemoveName={pane.removeName}
                onNotName={pane.notName}
              />
            </Suspense>
          )}
          {state.booking === null ? (
            <CreatePanel
              types={state.types}
              selected={state.selectedType}
              onSelect={pane.select}
              onCreate={pane.create}
              busy={busy}
              block={pane.createBlock}
              pickerRef={refs.typePicker}
            />
          ) : (
            <Suspense fallback={<Spinner size="small" label={t("loadingMeeting")} />}>
              <LazyBookedView pane={pane} type={type} refs={refs} room={services.room} />
            </Suspense>
          )}
        </>
      )}
      <Caption1 as="p" className={styles.footer}>
        {t("noPersonalData")}
      </Caption1>
    </div>
  );
}
