// The global view a learner lacks: how many of the run's users are in each lifecycle stage, day by day
// (the full run's stagesByDay, stacked), a marker at the moment played, and the populations at that
// moment as a list — from the sample, like the lanes and dots on the canvas, so the figures agree.
import { useId, useMemo } from 'react';
import { createPlayback } from '../../../core/trainer';
import { useTranslation } from 'react-i18next';
import { stageNames, stages } from '../../../core/journey';
import { usePlayback, usePlaybackStore } from './PlaybackContext';
import { DAY_MS, momentOf } from './moments';
import { moveMsFor } from './playbackStore';
import { useShownTime } from './useShownTime';
import './playback.css';
import { stageColours } from '../../stageColours';
import { useLang } from '../../i18n/useLang';
import { say } from '../../i18n/say';

const HEIGHT = 100;

/** One polygon per stage, stacked bottom-up (awareness at the bottom), in a days × HEIGHT box. */
function stackedAreas(series: readonly (readonly number[])[]): string[] {
  const days = series.reduce((most, values) => Math.max(most, values.length), 0);
  const totals = Array.from({ length: days }, (_, day) => series.reduce((sum, values) => sum + (values[day] ?? 0), 0));
  // A fold, not Math.max(...totals): a long horizon has more days than a call takes arguments.
  const peak = totals.reduce((most, total) => Math.max(most, total), 1);
  const below = new Array<number>(days).fill(0);
  return series.map((values) => {
    const lower = below.map((value, day) => `${day + 0.5},${HEIGHT - (HEIGHT * value) / peak}`);
    for (let day = 0; day < days; day++) below[day]! += values[day] ?? 0;
    const upper = below.map((value, day) => `${day + 0.5},${HEIGHT - (HEIGHT * value) / peak}`);
    return [...upper, ...lower.reverse()].join(' ');
  });
}

export function LifecycleStrip() {
  const lang = useLang();
  const { t } = useTranslation(undefined, { lng: lang });
  const titleId = useId();
  const stagesByDay = usePlayback((state) => state.report?.stagesByDay ?? null);
  const horizonDays = usePlayback((state) => state.report?.horizonDays ?? 0);
  const store = usePlaybackStore();
  const timeMs = useShownTime(store);
  const speed = usePlayback((state) => state.speed);
  const timeline = usePlayback((state) => state.timeline);
  const playback = useMemo(() => (timeline ? createPlayback(timeline) : null), [timeline]);
  const now = playback ? Array.from(playback.frameAt(timeMs, moveMsFor(speed)).stagePopulation) : null;
  const moment = momentOf(timeMs);
  const day = Math.floor(timeMs / DAY_MS);
  const series = useMemo(() => (stagesByDay ? stages.map((stage) => stagesByDay[stage]) : null), [stagesByDay]);
  const areas = useMemo(() => (series ? stackedAreas(series) : []), [series]);
  const number = useMemo(() => new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }), [lang]);
  const days = (series ?? []).reduce((most, values) => Math.max(most, values.length), Math.max(1, horizonDays));
  const shownDay = Math.min(day, days - 1);

  return (
    <section className="lifecycle-strip" aria-labelledby={titleId}>
      <h3 className="lifecycle-strip__title" id={titleId}>
        {t('trainer.lifecycle.title')}
      </h3>
      {series ? (
        <>
          <svg viewBox={`0 0 ${days} ${HEIGHT}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
            {areas.map((points, index) => (
              <polygon key={stages[index]} points={points} fill={stageColours[stages[index]!]} fillOpacity={0.55} />
            ))}
            <line x1={shownDay + 0.5} x2={shownDay + 0.5} y1={0} y2={HEIGHT} stroke="#0f172a" strokeWidth={2} vectorEffect="non-scaling-stroke" />
          </svg>
          <p className="lifecycle-strip__note">{t('trainer.lifecycle.chartNote')}</p>
          <ul className="lifecycle-strip__list" aria-label={t('trainer.lifecycle.now', { day: moment.day, clock: moment.clock })}>
            {stages.map((stage, index) => (
              <li key={stage}>
                <span>
                  <span className="lifecycle-strip__swatch" style={{ background: stageColours[stages[index]!] }} aria-hidden="true" />
                  {say(stageNames[stage], lang)}
                </span>
                <span className="lifecycle-strip__value">{number.format(now?.[index] ?? series[index]![shownDay] ?? 0)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('trainer.lifecycle.empty')}</p>
      )}
    </section>
  );
}
