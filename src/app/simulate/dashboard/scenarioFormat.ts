// How the scenario comparison reads: each KPI, its interval and its difference from the first scenario
// (the baseline), and each assumption, in the interface language and the scenario's own currency; and the
// order the ticked scenarios are compared in.
import type { TFunction } from 'i18next';
import { channelInfo, channels, type Channel } from '../../../core/journey';
import { describeDuration } from '../../../core/journey';
import type { Language } from '../../i18n/index.ts';
import { say } from '../../i18n/say';
import type { AssumptionRow, AssumptionValue, RateComparison, ScenarioKpi, ScenarioKpiRow } from '../../../core/sim/analysis';
import { formatCount, formatMoney, formatPercent, formatPoints } from '../format';
import { nameText } from '../cohortLabel';
import { newestScenarioFirst, type ScenarioRecord } from '../../persist/scenarioRepository';
export { cohortName, nameText } from '../cohortLabel';

export interface Formatting {
  t: TFunction;
  lang: Language;
}


/**
 * The ticked scenarios in the order the comparison shows them: the baseline first (the one picked, else
 * the oldest ticked: the list is newest first, so the box ticked first is often the newest), then the
 * others oldest first.
 */
export function comparisonOrder<T extends ScenarioRecord>(ticked: readonly T[], baselineId: string | null): T[] {
  const oldestFirst = [...ticked].sort((a, b) => newestScenarioFirst(b, a));
  const baseline = oldestFirst.find((scenario) => scenario.id === baselineId) ?? oldestFirst[0];
  return baseline ? [baseline, ...oldestFirst.filter((scenario) => scenario !== baseline)] : [];
}

export const formatSavedAt = (at: number, lang: Language): string => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(at);


const offerKinds = ['coupon', 'points', 'right'] as const;

const signed = (value: number, text: string) => (value > 0 ? `+${text}` : text);

function formatValue(unit: ScenarioKpiRow['unit'], value: number, currency: string, { t, lang }: Formatting): string {
  // A proportion, or a ratio such as ROI (0.25 = 25 %): both as a percentage.
  if (unit === 'rate' || unit === 'percent') return formatPercent(value, lang);
  if (unit === 'money') return formatMoney(value, currency, lang);
  if (unit === 'count') return formatCount(value, lang);
  return t('simulate.points', { value: formatPoints(value, lang) });
}

/** A difference: rates (proportions) and percentages (ROI) in percentage points, the rest in their own unit, signed. */
function formatDifference(unit: ScenarioKpiRow['unit'], difference: number, currency: string, format: Formatting): string {
  if (unit === 'rate' || unit === 'percent' || unit === 'points') return format.t('simulate.points', { value: formatPoints(difference, format.lang) });
  return signed(difference, formatValue(unit, difference, currency, format));
}

export interface KpiCellText {
  value: string;
  interval: string | null;
  difference: string | null;
}

export function kpiCellText(row: ScenarioKpiRow, cell: ScenarioKpi | null, currency: string, format: Formatting): KpiCellText {
  const { t } = format;
  if (!cell) return { value: t('scenarios.notAvailable'), interval: null, difference: null };
  const own = (value: number) => formatValue(row.unit, value, currency, format);
  return {
    value: own(cell.value),
    interval: cell.interval ? t('simulate.interval', { low: own(cell.interval.low), high: own(cell.interval.high) }) : null,
    difference: cell.difference === null ? null : t('scenarios.difference', { value: formatDifference(row.unit, cell.difference, currency, format) }),
  };
}

/** The conversion-rate comparison with the first scenario: the difference's interval and whether the runs' intervals overlap. */
export function rateComparisonText(comparison: RateComparison, { t, lang }: Formatting): string[] {
  const points = (value: number) => t('simulate.points', { value: formatPoints(value, lang) });
  const lines: string[] = [];
  if (comparison.interval) lines.push(t(`scenarios.differenceInterval.${comparison.interval.method}`, { low: points(comparison.interval.low), high: points(comparison.interval.high) }));
  if (comparison.overlap !== null) lines.push(t(comparison.overlap ? 'scenarios.overlap' : 'scenarios.noOverlap'));
  return lines;
}

export function assumptionLabel(row: AssumptionRow, { t, lang }: Formatting): string {
  if (row.key === 'channelCost') {
    const channel = channels.find((candidate): candidate is Channel => candidate === row.subject);
    return t('scenarios.assumption.channelCost', { channel: channel ? say(channelInfo[channel].name, lang) : row.subject });
  }
  if (row.key === 'offer') return t('scenarios.assumption.offer', { offer: row.subjectLabel ?? row.subject });
  return t(`scenarios.assumption.${row.key}`);
}

export function assumptionText(value: AssumptionValue, format: Formatting): string {
  const { t, lang } = format;
  switch (value.type) {
    case 'text':
      return value.text;
    case 'name':
      return nameText(value.text, lang);
    case 'count':
      return formatCount(value.value, lang);
    case 'money':
      return formatMoney(value.value, value.currency, lang);
    case 'duration':
      return say(describeDuration(value.ms), lang);
    case 'frequencyCap':
      return t('scenarios.value.frequencyCap', { touches: formatCount(value.touches, lang), window: say(describeDuration(value.windowMs), lang) });
    case 'quietHours':
      return t('scenarios.value.quietHours', { start: value.start, end: value.end });
    case 'offer': {
      const known = offerKinds.find((candidate) => candidate === value.offer);
      const kind = known ? t(`scenarios.offerKind.${known}`) : value.offer;
      return t('scenarios.value.offer', { kind, value: formatMoney(value.value, value.currency, lang), minSpend: formatMoney(value.minSpend, value.currency, lang) });
    }
    case 'none':
      return t('scenarios.value.none');
  }
}
