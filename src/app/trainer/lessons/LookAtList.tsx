// A step's "Look at" items: which figure or chart, what to notice there, and the figure itself when
// the journey has been simulated or its playback recorded (whichever report came last).
import { useId } from 'react';
import { dataLanguage } from '../../../core/i18n.ts';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/index.ts';
import { stageNames } from '../../../core/journey';
import { metricNames, metricValue, ratesAsPercent } from '../../../core/lessons';
import { challengeMetrics, type ChallengeMetric, type LookAt } from '../../../core/lessons';
import type { SimulationReport } from '../../../core/sim/engine';
import { useEditor } from '../../store/useEditor';
import { useLastReport } from './useLastReport';
import { useLang } from '../../i18n/useLang';
import { say } from '../../i18n/say';

const isMetric = (target: string): target is ChallengeMetric => (challengeMetrics as readonly string[]).includes(target);

export function formatMetric(metric: ChallengeMetric, value: number, lang: Language): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  // Rates and every ROI (incremental or attributed) as percentages, as the challenge's own verdicts write them.
  if (ratesAsPercent.has(metric)) return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(value);
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(value);
}

function valueText(lookAt: LookAt, report: SimulationReport, lang: Language): string | null {
  if (isMetric(lookAt.target)) {
    const value = metricValue(report, lookAt.target, lookAt.node);
    return value === null ? null : formatMetric(lookAt.target, value, lang);
  }
  if (lookAt.target === 'stagePopulation' && lookAt.stage) {
    const byDay = report.stagesByDay[lookAt.stage];
    return byDay.length > 0 ? new Intl.NumberFormat(lang).format(byDay[byDay.length - 1]!) : null;
  }
  return null;
}

export function LookAtList({ items }: { items: readonly LookAt[] }) {
  const lang = useLang();
  const { t } = useTranslation();
  const headingId = useId();
  const { report, stale, source } = useLastReport();
  const labels = useEditor((state) => state.journey?.nodes);
  const nodeName = (id: string) => labels?.find((node) => node.id === id)?.label || id;

  const name = (lookAt: LookAt) => {
    if (lookAt.target === 'nodeUsers' && lookAt.node) return t('trainer.lessons.tab.nodeUsers', { node: nodeName(lookAt.node) });
    if (isMetric(lookAt.target)) return say(metricNames[lookAt.target], lang);
    if (lookAt.target === 'stagePopulation')
      return lookAt.stage ? t('trainer.lessons.tab.stageLane', { stage: say(stageNames[lookAt.stage], lang) }) : t('trainer.lessons.tab.charts.stagePopulation');
    return t(`trainer.lessons.tab.charts.${lookAt.target}`);
  };

  return (
    <section className="lesson-tab__look" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('trainer.lessons.tab.lookAt')}</h4>
      <ul>
        {items.map((lookAt, index) => {
          const value = report ? valueText(lookAt, report, lang) : null;
          return (
            <li key={index}>
              <strong>{name(lookAt)}</strong>
              {value !== null && (
                <>
                  {': '}
                  <span className="lesson-tab__value">{value}</span>
                </>
              )}
              {' — '}
              {lookAt.text[dataLanguage(lang)]}
            </li>
          );
        })}
      </ul>
      <p className="lesson-tab__note">
        {!report
          ? t('trainer.lessons.tab.noRun')
          : source === 'playback'
            ? t(stale ? 'trainer.lessons.tab.valuesFromPlaybackStale' : 'trainer.lessons.tab.valuesFromPlayback')
            : t(stale ? 'trainer.lessons.tab.valuesStale' : 'trainer.lessons.tab.valuesFromRun')}
      </p>
    </section>
  );
}
