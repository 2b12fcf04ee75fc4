// When people respond (响应时间规律): per channel with a profile, compact grids of the 24 open
// multipliers and the 24 delay multipliers by local hour and the 7 open multipliers by weekday, with
// the hours opens peak at; a channel can be given a profile (all 1s) or have it removed. Editing a
// cell of a list the draft lacks writes the whole list (1 elsewhere), as "left out" means 1 everywhere.
// Memoised: typing elsewhere re-renders it only when the timing or its problems change.
import { memo, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../core/journey';
import { channelInfo, channels, isPlainObject } from '../../../core/journey';
import { getAt, problemsAt, problemsByPath, setAt, type Json, type Path } from '../draft';
import { fmt, NumberField, ProblemText, Section, type ProblemMap } from './fields';
import type { Update } from './SegmentProfile';
import { hourText, peakHours, problemsUnder, profileKeys, sameProblems, timingFields, weekdayKeys, type TimingField } from './timing';
import { useLang } from '../../i18n/useLang';
import { say } from '../../i18n/say';
import './timeEditor.css';

export interface TimingSectionProps {
  /** The draft's `timing` as it stands. */
  timing: unknown;
  /** Everything checkCohort found in the draft; the section shows those under `timing`. */
  problems: readonly Problem[];
  update: Update;
}

const recordAt = (value: unknown): Json => (isPlainObject(value) ? value : {});
const isChannel = (key: string): key is (typeof channels)[number] => (channels as readonly string[]).includes(key);

function useChannelName(): (key: string) => string {
  const lang = useLang();
  return (key) => (isChannel(key) ? say(channelInfo[key].name, lang) : key);
}

interface GridProps {
  field: TimingField;
  size: number;
  channel: string;
  values: unknown;
  problems: ProblemMap;
  update: Update;
}

const gridText = {
  openByHour: { title: 'cohorts.timingOpenHeading', help: 'cohorts.timingOpenHelp', cell: 'cohorts.timingOpenCell' },
  delayByHour: { title: 'cohorts.timingDelayHeading', help: 'cohorts.timingDelayHelp', cell: 'cohorts.timingDelayCell' },
  openByWeekday: { title: 'cohorts.timingWeekdayHeading', help: 'cohorts.timingWeekdayHelp', cell: 'cohorts.timingWeekdayCell' },
} as const;

/** One list of multipliers as a grid of small number fields, each named in full for screen readers. */
function TimeGrid({ field, size, channel, values, problems, update }: GridProps) {
  const { t } = useTranslation();
  const id = useId();
  const channelName = useChannelName()(channel);
  const path: Path = ['timing', field, channel];
  const list = Array.isArray(values) ? (values as unknown[]) : null;
  const text = gridText[field];
  const weekly = field === 'openByWeekday';
  const setCell = (index: number, value: unknown) =>
    update((draft) => {
      const current = getAt(draft, path);
      const next = Array.isArray(current) ? [...(current as unknown[])] : Array<unknown>(size).fill(1);
      next[index] = value;
      return setAt(draft, path, next);
    });
  return (
    <div className="cohort-time-block" role="group" aria-labelledby={`${id}-title`} aria-describedby={`${id}-help`}>
      <h6 id={`${id}-title`}>{t(text.title)}</h6>
      <small id={`${id}-help`} className="cohort-field__help">
        {t(text.help)}
      </small>
      <div className={`cohort-time-grid${weekly ? ' cohort-time-grid--week' : ''}`}>
        {Array.from({ length: size }, (_, index) => {
          const when = weekly ? { day: weekdayKeys[index] } : { hour: hourText(index) };
          const caption = weekly ? t('cohorts.weekdayShort', { day: weekdayKeys[index] }) : String(index).padStart(2, '0');
          const label = weekly ? t(text.cell, { channel: channelName, day: t('cohorts.weekdayLong', when) }) : t(text.cell, { channel: channelName, ...when });
          return (
            <div key={index} className="cohort-time-cell">
              <span className="cohort-time-cell__caption" aria-hidden="true">
                {caption}
              </span>
              <NumberField compact label={label} path={[...path, index]} value={list ? list[index] : 1} problems={problems} onChange={(_, value) => setCell(index, value)} />
            </div>
          );
        })}
      </div>
      {/* The cells' own messages are read with each cell; here they show where there is room for them. */}
      <ProblemText id={`${id}-error`} problems={problemsAt(problems, path)} />
    </div>
  );
}

function TimingProfile({ channel, timing, problems, update }: { channel: string; timing: Json; problems: ProblemMap; update: Update }) {
  const lang = useLang();
  const { t } = useTranslation();
  const name = useChannelName()(channel);
  const peak = peakHours(recordAt(timing.openByHour)[channel]);
  const remove = () =>
    update((draft) => {
      let next = draft;
      for (const { field } of timingFields) if (channel in recordAt(getAt(next, ['timing', field]))) next = setAt(next, ['timing', field, channel], undefined);
      return next;
    });
  return (
    <div className="cohort-group cohort-time-profile" role="group" aria-label={t('cohorts.timingProfile', { channel: name })}>
      <div className="cohort-time-profile__header">
        <h5>{name}</h5>
        {peak && <span className="cohort-time-profile__summary">{peak.runs.length === 0 ? t('cohorts.timingFlat') : t('cohorts.timingPeak', { hours: peak.runs.join(', '), value: fmt(peak.value, lang) })}</span>}
        <button type="button" onClick={remove}>
          {t('cohorts.timingRemove', { channel: name })}
        </button>
      </div>
      {timingFields.map(({ field, size }) => (
        <TimeGrid key={field} field={field} size={size} channel={channel} values={recordAt(timing[field])[channel]} problems={problems} update={update} />
      ))}
    </div>
  );
}

function TimingSectionView({ timing: raw, problems: all, update }: TimingSectionProps) {
  const { t } = useTranslation();
  const channelName = useChannelName();
  const id = useId();
  const problems = useMemo(() => problemsByPath(problemsUnder(all, 'timing')), [all]);
  const timing = recordAt(raw);
  const keys = profileKeys(timing);
  const available = channels.filter((channel) => !keys.includes(channel));
  const [choice, setChoice] = useState<string>(channels[0]);
  const chosen = available.find((channel) => channel === choice) ?? available[0];
  const add = (channel: string) =>
    update((draft) => timingFields.reduce((next, { field, size }) => setAt(next, ['timing', field, channel], Array<number>(size).fill(1)), draft));
  // What no profile shows: the timing or one of its lists as a whole (not an object, unknown keys).
  const general = [...problemsAt(problems, ['timing'], false), ...timingFields.flatMap(({ field }) => problemsAt(problems, ['timing', field], false))];
  return (
    <Section title={t('cohorts.timingHeading')} help={t('cohorts.timingHelp')}>
      {keys.length === 0 && <p>{t('cohorts.timingEmpty')}</p>}
      {keys.map((channel) => (
        <TimingProfile key={channel} channel={channel} timing={timing} problems={problems} update={update} />
      ))}
      <ProblemText id={`${id}-error`} problems={general} />
      {chosen && (
        <div className="cohort-add">
          <div className="cohort-field">
            <label htmlFor={`${id}-channel`}>{t('cohorts.timingChannel')}</label>
            <select id={`${id}-channel`} value={chosen} onChange={(event) => setChoice(event.target.value)}>
              {available.map((channel) => (
                <option key={channel} value={channel}>
                  {channelName(channel)}
                </option>
              ))}
            </select>
          </div>
          <button type="button" onClick={() => add(chosen)}>
            {t('cohorts.timingAdd', { channel: channelName(chosen) })}
          </button>
        </div>
      )}
    </Section>
  );
}

export const TimingSection = memo(
  TimingSectionView,
  (before, after) => before.timing === after.timing && before.update === after.update && sameProblems(problemsUnder(before.problems, 'timing'), problemsUnder(after.problems, 'timing')),
);
