import { Link, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import type { Ref } from "react";
import type { Booking, MeetingTypeView } from "../../shared/contract";
import { formatDay, formatRange } from "../format";
import { useI18n } from "../i18n/context";
import { linkNames } from "./link-names";

export interface MeetingSummaryProps {
  booking: Booking;
  type: MeetingTypeView | null;
  /** The series' last day as Outlook has it, when the appointment recurs. */
  seriesEndDate: string | null | undefined;
  headingRef: Ref<HTMLHeadingElement>;
}

const useStyles = makeStyles({
  heading: { ...typographyStyles.subtitle1, margin: 0, outlineOffset: tokens.spacingHorizontalXXS },
  facts: {
    margin: `${tokens.spacingVerticalS} 0 0 0`,
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: "anywhere" },
});

/** The booked meeting: type, service, times and the join link guests use. */
export function MeetingSummary({ booking, type, seriesEndDate, headingRef }: MeetingSummaryProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const label = type?.label[locale] ?? booking.type;
  return (
    <section aria-labelledby="booked-heading">
      <h2 id="booked-heading" className={styles.heading} ref={headingRef} tabIndex={-1}>
        {t("bookedHeading", { type: label })}
      </h2>
      <dl className={styles.facts}>
        <dt className={styles.term}>{t("serviceLabel")}</dt>
        <dd className={styles.value}>{type?.serviceName[locale] ?? booking.service}</dd>
        <dt className={styles.term}>{t("timeLabel")}</dt>
        <dd className={styles.value}>
          {formatRange(new Date(booking.start), new Date(booking.end), locale)}
        </dd>
        {seriesEndDate !== undefined && (
          <>
            <dt className={styles.term}>{t("seriesLabel")}</dt>
            <dd className={styles.value}>
              {seriesEndDate === null
                ? t("seriesNoEnd")
                : t("seriesUntil", { date: formatDay(seriesEndDate, locale) })}
            </dd>
          </>
        )}
        <dt className={styles.term}>{t(linkNames(type).label)}</dt>
        <dd className={styles.value}>
          <Link href={booking.join.url} target="_blank" rel="noopener noreferrer">
            {booking.join.url}
          </Link>
        </dd>
      </dl>
    </section>
  );
}
