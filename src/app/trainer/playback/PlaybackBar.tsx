// The playback's controls under the canvas: record, play or pause, step, speed and the day slider, with
// the moment shown and how many users had entered and converted by then. Keys: see usePlaybackKeys.
import { useMemo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PLAYBACK_SPEEDS } from './playbackStore';
import { usePlayback, usePlaybackStore } from './PlaybackContext';
import { usePlaybackKeys } from './usePlaybackKeys';
import { useShownTime } from './useShownTime';
import { countUpTo, DAY_MS, milestonesOf, momentOf } from './moments';
import { failureText } from '../../simulate/failure';
import './playback.css';
import { useLang } from '../../i18n/useLang';
import { say } from '../../i18n/say';
import { StepBackIcon, StepForwardIcon } from '../../icons';

export function PlaybackBar() {
  const lang = useLang();
  const { t } = useTranslation(undefined, { lng: lang });
  const store = usePlaybackStore();
  usePlaybackKeys(store);
  const phase = usePlayback((state) => state.phase);
  const progress = usePlayback((state) => state.progress);
  const playing = usePlayback((state) => state.playing);
  const speed = usePlayback((state) => state.speed);
  const timeMs = useShownTime(store);
  const horizonMs = usePlayback((state) => state.horizonMs);
  const stale = usePlayback((state) => state.stale);
  const problems = usePlayback((state) => state.problems);
  const sample = usePlayback((state) => state.sample);
  const runUsers = usePlayback((state) => state.report?.users ?? 0);
  const milestones = useMemo(() => (sample ? milestonesOf(sample.traces) : null), [sample]);
  const number = useMemo(() => new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }), [lang]);
  const ready = phase === 'ready';
  const moment = momentOf(timeMs);
  const momentText = t('trainer.playback.moment', { day: moment.day, time: moment.clock });
  const scale = sample && sample.users.length > 0 ? runUsers / sample.users.length : 0;
  const soFar = (times: Float64Array | undefined) => number.format(times ? countUpTo(times, timeMs) * scale : 0);
  const step = (direction: 1 | -1) => (event: MouseEvent) => store.getState().step(direction, event.shiftKey);
  const percent = progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : 0;

  return (
    <div className="playback-bar" role="group" aria-label={t('trainer.playback.region')}>
      <button type="button" onClick={() => store.getState().record()} disabled={phase === 'recording'} title={t('trainer.playback.recordHint')}>
        {t('trainer.playback.record')}
      </button>
      {phase === 'recording' && (
        <progress max={100} value={percent} aria-label={t('trainer.playback.recordingProgress')}>
          {percent} %
        </progress>
      )}
      <div className="playback-bar__group">
        <button type="button" onClick={step(-1)} disabled={!ready} aria-label={t('trainer.playback.stepBack')} title={t('trainer.playback.stepBackHint')}>
          <StepBackIcon />
        </button>
        <button type="button" onClick={() => (playing ? store.getState().pause() : store.getState().play())} disabled={!ready} title={t('trainer.playback.playHint')}>
          {playing ? t('trainer.playback.pause') : t('trainer.playback.play')}
        </button>
        <button type="button" onClick={step(1)} disabled={!ready} aria-label={t('trainer.playback.stepForward')} title={t('trainer.playback.stepForwardHint')}>
          <StepForwardIcon />
        </button>
      </div>
      <label className="playback-bar__group">
        {t('trainer.playback.speed')}
        <select value={speed} onChange={(event) => store.getState().setSpeed(Number(event.target.value))}>
          {PLAYBACK_SPEEDS.map((value) => (
            <option key={value} value={value}>
              {t(`trainer.playback.speeds.x${value}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="playback-bar__day">
        <input
          type="range"
          aria-label={t('trainer.playback.day')}
          min={0}
          max={horizonMs / DAY_MS}
          step={1 / 24}
          value={timeMs / DAY_MS}
          aria-valuetext={momentText}
          disabled={!ready}
          onChange={(event) => store.getState().seek(Number(event.target.value) * DAY_MS)}
        />
        <output className="playback-bar__time" aria-label={t('trainer.playback.now')}>
          {momentText}
        </output>
      </div>
      {ready && (
        <dl className="playback-bar__summary" aria-label={t('trainer.playback.summary')}>
          <div>
            <dt>{t('trainer.playback.enteredSoFar')}</dt>
            <dd>≈ {soFar(milestones?.entered)}</dd>
          </div>
          <div>
            <dt>{t('trainer.playback.convertedSoFar')}</dt>
            <dd>≈ {soFar(milestones?.converted)}</dd>
          </div>
        </dl>
      )}
      {phase === 'idle' && <p className="playback-bar__note">{t('trainer.playback.idle')}</p>}
      {ready && <p className="playback-bar__note">{t('trainer.playback.sampleNote', { sample: number.format(sample?.users.length ?? 0), users: number.format(runUsers) })}</p>}
      {stale && (
        <p className="playback-bar__note playback-bar__note--warning" role="status">
          {t('trainer.playback.stale')}
        </p>
      )}
      {phase === 'problems' && (
        <div className="playback-bar__note" role="alert">
          <p>{t('trainer.playback.problems')}</p>
          <ul>
            {problems.map((problem, index) => (
              <li key={`${problem.code}-${index}`}>{say(problem.message, lang)}</li>
            ))}
          </ul>
        </div>
      )}
      {phase === 'failed' && (
        <p className="playback-bar__note" role="alert">
          {t('trainer.playback.failed', { message: problems.map((problem) => failureText(problem, lang)).join(' ') })}
        </p>
      )}
    </div>
  );
}
