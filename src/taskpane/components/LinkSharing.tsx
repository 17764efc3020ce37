import { Body1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Booking, MeetingTypeView } from "../../shared/contract";
import { useI18n } from "../i18n/context";
import { CopyButton } from "./CopyButton";
import { linkNames } from "./link-names";

export interface LinkSharingProps {
  booking: Booking;
  type: MeetingTypeView | null;
}

const useStyles = makeStyles({
  root: { display: "grid", rowGap: tokens.spacingVerticalL },
  section: { display: "grid", rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  quote: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  paragraph: { margin: 0 },
});

/**
 * Sending the link: one guest link by one name (Patientlänk) with one copy button, the line that
 * interpreters and relatives use it too, and the host's own link (värdlänk, behind Starta möte)
 * named apart. Patients get the link through a 1177 message with a central template (never the
 * Outlook invitation), with the seed's guidance for children; interpreters get it via Outlook.
 */
export function LinkSharing({ booking, type }: LinkSharingProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const names = linkNames(type);
  const templates = type?.templates1177 ?? [];
  const limit = type?.participantLimit ?? null;
  const joinTogether = limit === null ? null : t("joinTogetherText", { limit });
  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="link-heading">
        <Subtitle2 as="h3" id="link-heading" className={styles.heading}>
          {t(names.label)}
        </Subtitle2>
        <CopyButton label={t(names.copy)} text={booking.join.url} />
        <Body1 as="p" className={styles.paragraph}>
          {t(names.sameLink)}
        </Body1>
        <Body1 as="p" className={styles.paragraph}>
          {t("hostLinkNote")}
        </Body1>
      </section>
      {templates.length > 0 && (
        <section className={styles.section} aria-labelledby="patient-heading">
          <Subtitle2 as="h3" id="patient-heading" className={styles.heading}>
            {t("patientHeading")}
          </Subtitle2>
          <Body1 as="p" className={styles.paragraph}>
            {t("patientText")}
          </Body1>
          <ul className={styles.list}>
            {templates.map((name) => (
              <li key={name} lang="sv">
                <Body1>{name}</Body1>
              </li>
            ))}
          </ul>
          <Body1 as="p" className={styles.paragraph}>
            {t("patientNoOutlook")}
          </Body1>
          <Subtitle2 as="h4" className={styles.heading}>
            {t("childHeading")}
          </Subtitle2>
          <Body1 as="p" className={styles.paragraph}>
            {t("childUnder13")}
          </Body1>
          <Body1 as="p" className={styles.paragraph}>
            {t("childOver13")}
          </Body1>
          {joinTogether !== null && (
            <>
              <Subtitle2 as="h4" className={styles.heading}>
                {t("joinTogetherHeading")}
              </Subtitle2>
              <blockquote className={styles.quote} lang="sv">
                <Body1 as="p" className={styles.paragraph}>
                  <strong>{t("joinTogetherTitle")}</strong>
                  <br />
                  {joinTogether}
                </Body1>
              </blockquote>
              <CopyButton
                label={t("copyJoinTogether")}
                text={`${t("joinTogetherTitle")}\n${joinTogether}`}
              />
            </>
          )}
        </section>
      )}
      <section className={styles.section} aria-labelledby="interpreter-heading">
        <Subtitle2 as="h3" id="interpreter-heading" className={styles.heading}>
          {t("interpreterHeading")}
        </Subtitle2>
        <Body1 as="p" className={styles.paragraph}>
          {t("interpreterText")}
        </Body1>
      </section>
    </div>
  );
}
