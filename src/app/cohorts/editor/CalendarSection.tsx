// The cohort's calendar (日历): spans of dates on which everyone's own purchase rate is multiplied
// (618, 双11, the Spring Festival lull). One row per entry: name, first and last day, multiplier, and
// a remove button; the problems checkCohort found show at the field their path names. Memoised: typing
// elsewhere in the cohort re-renders it only when the calendar or its problems change.
import { memo, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../../i18n';
import type { Problem } from '../../../core/journey';
import { isPlainObject } from '../../../core/journey';
import { problemsAt, problemsByPath, setAt, textIn, type Json, type Path } from '../draft';
import { NumberField, ProblemText, Section, type SetField } from './fields';
import { CellTextField } from './CellTextField';
import type { Update } from './SegmentProfile';
import { problemsUnder, sameProblems, todayText } from './timing';
import { useLang } from '../../i18n/useLang';
import './timeEditor.css';
import { CloseIcon } from '../../icons';

export interface CalendarSectionProps {
  /** The draft's `calendar` as it stands (an array when it checks). */
  calendar: unknown;
  /** Everything checkCohort found in the draft; the section shows those under `calendar`. */
  problems: readonly Problem[];
  update: Update;
}

const DATE_PLACEHOLDER = 'YYYY-MM-DD';
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function CalendarSectionView({ calendar, problems: all, update }: CalendarSectionProps) {
  const lang = useLang();
  const { t } = useTranslation();
  const problems = useMemo(() => problemsByPath(problemsUnder(all, 'calendar')), [all]);
  const set: SetField = useCallback((path, value) => update((draft) => setAt(draft, path, value)), [update]);
  const entries = listOf(calendar).map((entry) => (isPlainObject(entry) ? entry : {}));

  const add = () =>
    update((draft) => {
      const list = listOf(draft.calendar);
      const n = list.length + 1;
      // Named in both languages, whichever one the editor is showing; one neutral day to start from.
      const name = { en: i18n.getFixedT('en')('cohorts.calendarNewName', { n }), 'zh-CN': i18n.getFixedT('zh-CN')('cohorts.calendarNewName', { n }) };
      const today = todayText();
      return { ...draft, calendar: [...list, { name, from: today, to: today, purchaseRate: 1 }] };
    });
  const remove = (index: number) => update((draft) => ({ ...draft, calendar: listOf(draft.calendar).filter((_, at) => at !== index) }));

  return (
    <Section title={t('cohorts.calendarHeading')} help={t('cohorts.calendarHelp')}>
      {entries.length === 0 ? (
        <p>{t('cohorts.calendarEmpty')}</p>
      ) : (
        <table className="cohort-channels cohort-calendar">
          <thead>
            <tr>
              <th scope="col">{t('cohorts.calendarName')}</th>
              <th scope="col">{t('cohorts.calendarFrom')}</th>
              <th scope="col">{t('cohorts.calendarTo')}</th>
              <th scope="col">{t('cohorts.calendarRate')}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {entries.map((entry: Json, index) => {
              const base: Path = ['calendar', index];
              const n = index + 1;
              const label = textIn(entry.name, lang).trim() || t('cohorts.calendarEntry', { n });
              const common = { problems, onChange: set };
              return (
                <tr key={index}>
                  <td>
                    <CellTextField localized label={t('cohorts.calendarNameOf', { n })} path={[...base, 'name']} value={entry.name} {...common} />
                  </td>
                  <td>
                    <CellTextField label={t('cohorts.calendarFromOf', { entry: label })} path={[...base, 'from']} value={entry.from} placeholder={DATE_PLACEHOLDER} {...common} />
                  </td>
                  <td>
                    <CellTextField label={t('cohorts.calendarToOf', { entry: label })} path={[...base, 'to']} value={entry.to} placeholder={DATE_PLACEHOLDER} {...common} />
                  </td>
                  <td>
                    <NumberField compact label={t('cohorts.calendarRateOf', { entry: label })} path={[...base, 'purchaseRate']} value={entry.purchaseRate} {...common} />
                  </td>
                  <td>
                    <button type="button" aria-label={t('cohorts.calendarRemove', { entry: label })} title={t('cohorts.calendarRemove', { entry: label })} onClick={() => remove(index)}>
                      <CloseIcon />
                    </button>
                    <ProblemText id={`calendar-${index}-error`} problems={problemsAt(problems, base, false)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ProblemText id="calendar-error" problems={problemsAt(problems, ['calendar'], false)} />
      <button type="button" className="cohort-time-add" onClick={add}>
        {t('cohorts.calendarAdd')}
      </button>
    </Section>
  );
}

export const CalendarSection = memo(
  CalendarSectionView,
  (before, after) => before.calendar === after.calendar && before.update === after.update && sameProblems(problemsUnder(before.problems, 'calendar'), problemsUnder(after.problems, 'calendar')),
);
