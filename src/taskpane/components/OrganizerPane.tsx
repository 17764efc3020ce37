import { Body1, Button, Caption1, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, useEffect } from "react";
import { mark } from "../marks";
import { usePane } from "../hooks/usePane";
import { useI18n } from "../i18n/context";
import type { PaneServices } from "../model/services";
import { ChangeTypePanel } from "./ChangeTypePanel";
import { CreatePanel } from "./CreatePanel";
import { LinkSharing } from "./LinkSharing";
import { MeetingActions } from "./MeetingActions";
import { MeetingSummary } from "./MeetingSummary";
import { LazyWarningList } from "./lazy";
import { RemoveDialog } from "./RemoveDialog";
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
    if (ready) mark("ready");
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
          <Suspense fallback={null}>
            <LazyWarningList
              warnings={pane.warnings}
              busy={busy}
              booked={state.booking !== null}
              typeLabel={typeLabel}
              onRestore={pane.restore}
              onRebookSkype={pane.rebookSkype}
              onRemoveOrphan={pane.removeOrphan}
            />
          </Suspense>
          {state.booking === null ? (
            <CreatePanel
              types={state.types}
              selected={state.selectedType}
              onSelect={pane.select}
              onCreate={pane.create}
              busy={busy}
              blocked={pane.createBlocked}
              pickerRef={refs.typePicker}
            />
          ) : (
            <>
              <MeetingSummary
                booking={state.booking}
                type={type}
                seriesEndDate={state.facts?.recurrence ? state.facts.recurrence.endDate : undefined}
                headingRef={refs.bookedHeading}
              />
              <MeetingActions
                busy={busy}
                onStart={pane.start}
                onChangeType={
                  state.view === "changeType" ? pane.backToSummary : pane.beginChangeType
                }
                onRemove={pane.requestRemove}
                changeTypeRef={refs.changeTypeButton}
                removeRef={refs.removeButton}
              />
              {state.view === "changeType" && (
                <ChangeTypePanel
                  types={state.types}
                  current={state.booking.type}
                  selected={state.selectedType}
                  onSelect={pane.select}
                  onConfirm={pane.confirmChangeType}
                  onCancel={pane.backToSummary}
                  busy={busy}
                  pickerRef={refs.typePicker}
                />
              )}
              <LinkSharing booking={state.booking} type={type} />
            </>
          )}
          <RemoveDialog
            open={state.booking !== null && state.view === "confirmRemove"}
            onConfirm={pane.confirmRemove}
            onCancel={pane.backToSummary}
          />
        </>
      )}
      <Caption1 as="p" className={styles.footer}>
        {t("noPersonalData")}
      </Caption1>
    </div>
  );
}
