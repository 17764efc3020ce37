import {
  Caption1,
  Radio,
  RadioGroup,
  Subtitle2,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { type Ref, useId } from "react";
import type { MeetingTypeId, MeetingTypeView } from "../../shared/contract";
import { useI18n } from "../i18n/context";

export interface TypePickerProps {
  types: MeetingTypeView[];
  selected: MeetingTypeId | null;
  onSelect: (id: MeetingTypeId) => void;
  disabled: boolean;
  /** Heading text; "Välj mötestyp" or, for a booked meeting, "Välj om mötestyp". */
  heading: string;
  headingLevel: "h2" | "h3";
  groupRef: Ref<HTMLDivElement>;
}

const useStyles = makeStyles({
  group: { display: "grid", rowGap: tokens.spacingVerticalS },
  option: {
    display: "grid",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  selected: { border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}` },
  details: {
    display: "grid",
    rowGap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalXXL,
    color: tokens.colorNeutralForeground2,
  },
  facts: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0 },
});

/** The meeting types with what each is for, its video service and participant limit. */
export function TypePicker({
  types,
  selected,
  onSelect,
  disabled,
  heading,
  headingLevel,
  groupRef,
}: TypePickerProps) {
  const styles = useStyles();
  const { t, locale } = useI18n();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <Subtitle2 as={headingLevel} id={headingId} block>
        {heading}
      </Subtitle2>
      <RadioGroup
        ref={groupRef}
        className={styles.group}
        aria-labelledby={headingId}
        value={selected ?? ""}
        disabled={disabled}
        onChange={(_, data) => onSelect(data.value as MeetingTypeId)}
      >
        {types.map((type) => {
          const detailsId = `${headingId}-${type.id}`;
          return (
            <div
              key={type.id}
              className={mergeClasses(styles.option, selected === type.id && styles.selected)}
            >
              <Radio value={type.id} label={type.label[locale]} aria-describedby={detailsId} />
              <div id={detailsId} className={styles.details}>
                <Caption1>{type.description[locale]}</Caption1>
                <dl className={styles.facts}>
                  <dt className={styles.term}>{t("serviceLabel")}</dt>
                  <dd className={styles.value}>{type.serviceName[locale]}</dd>
                  <dt className={styles.term}>{t("limitLabel")}</dt>
                  <dd className={styles.value}>
                    {type.participantLimit === null
                      ? t("noLimit")
                      : t("limitValue", { limit: type.participantLimit })}
                  </dd>
                </dl>
              </div>
            </div>
          );
        })}
      </RadioGroup>
    </section>
  );
}
