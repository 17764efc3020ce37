import { Body1, Title3, makeStyles, tokens } from "@fluentui/react-components";
import type { HostInfo } from "./office/host";

export interface AppProps {
  host: HostInfo;
}

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, display: "grid", rowGap: tokens.spacingVerticalM },
});

/** The pane's shell; the booking flows arrive with the task-pane issue. */
export function App({ host }: AppProps) {
  const styles = useStyles();
  const sv = host.displayLanguage.toLowerCase().startsWith("sv");
  return (
    <main className={styles.root}>
      <Title3 as="h1">Skyddat vårdmöte</Title3>
      <Body1 role="status">
        {host.inOutlook
          ? sv
            ? "Redo."
            : "Ready."
          : sv
            ? "Öppna Skyddat vårdmöte från en mötesbokning i Outlook."
            : "Open Skyddat vårdmöte from an appointment in Outlook."}
      </Body1>
    </main>
  );
}
