import { localized, type Lang, type Localized } from '../i18n';
import { channelInfo, channels, type Channel } from '../journey/channels';
import { glossaryTerm, type GlossaryTermId } from '../glossary';
import type { ChannelReport, SimulationReport } from '../sim/engine/report';

/**
 * A metric's formula with a run's numbers plugged in, in both languages: "ROI = (revenue − cost) ÷ cost
 * = (¥12,345 − ¥2,000) ÷ ¥2,000 = 517 %", its plain meaning, and the glossary terms it rests on. The
 * numbers are the report's (means over replications); money is in the journey's currency.
 */

export const metricIds = ['conversionRate', 'roi', 'cac', 'arpu', 'ltv', 'churn', 'lift', 'unsubscribes'] as const;
export type MetricId = (typeof metricIds)[number];

export interface MetricFormula {
  metric: MetricId;
  name: Localized;
  /** What the formula computes, as its left-hand side: "ROI", "Conversion rate". */
  symbol: Localized;
  /** The formula in words. */
  formula: Localized;
  /** The formula's right-hand side with this run's numbers, and the result; null without a report, or when the run cannot have it (no holdout). */
  withNumbers: Localized | null;
  /** Why there are no numbers, when there are none. */
  unavailable: Localized | null;
  meaning: Localized;
  /** With several replications the dashboard's ratio is the mean of each replication's ratio: said here. */
  note: Localized | null;
  terms: GlossaryTermId[];
}

const formats = new Map<string, Intl.NumberFormat>();
function format(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let found = formats.get(key);
  if (!found) formats.set(key, (found = new Intl.NumberFormat(lang, options)));
  return found;
}

/** Money in an ISO 4217 currency; an unknown code falls back to the number and the code. */
export function formatMoney(value: number, currency: string, lang: Lang): string {
  try {
    return format(lang, { style: 'currency', currency, maximumFractionDigits: 2 }).format(value);
  } catch {
    return `${format(lang, { maximumFractionDigits: 2 }).format(value)} ${currency}`;
  }
}
const count = (value: number, lang: Lang) => format(lang, { maximumFractionDigits: Number.isInteger(value) ? 0 : 1 }).format(value);
const percent = (value: number, lang: Lang) => format(lang, { style: 'percent', maximumFractionDigits: 2 }).format(value);
const points = (value: number, lang: Lang) => format(lang, { maximumFractionDigits: 2, minimumFractionDigits: 2, signDisplay: 'exceptZero' }).format(value * 100);

const ratio = (top: number, bottom: number) => (bottom > 0 ? top / bottom : 0);
const both = (build: (lang: Lang) => string): Localized => localized(build('en'), build('zh-CN'));

/**
 * A metric explained; without a report (nothing recorded yet) everything but the numbers. The symbol,
 * formula and meaning never depend on the run.
 */
export function metricFormula(metric: MetricId, run: SimulationReport | null, currency: string): MetricFormula {
  const explained = explain(metric, run ?? emptyReport, currency);
  return run ? explained : { ...explained, withNumbers: null, unavailable: null, note: null };
}

function explain(metric: MetricId, report: SimulationReport, currency: string): MetricFormula {
  const money = (value: number, lang: Lang) => formatMoney(value, currency, lang);
  const cost = report.cost.total;
  const several = report.replications > 1;
  const meanNote = (value: string): Localized | null =>
    several
      ? localized(
          `Figures are means over ${report.replications} replications; the dashboard shows the mean of each replication’s own ratio, ${value}.`,
          `数字为 ${report.replications} 次重复的平均值；看板显示的是每次重复各自比值的平均，为 ${value}。`,
        )
      : null;
  const base = { metric, unavailable: null, note: null };

  switch (metric) {
    case 'conversionRate':
      return {
        ...base,
        name: localized('Conversion rate', '转化率'),
        symbol: localized('Conversion rate', '转化率'),
        formula: localized('Conversion rate = users who reached a goal ÷ users who entered', '转化率 = 达成目标的用户 ÷ 进入旅程的用户'),
        withNumbers: both((lang) => `${count(report.converted, lang)} ÷ ${count(report.entered, lang)} = ${percent(ratio(report.converted, report.entered), lang)}`),
        meaning: localized(
          'Of everyone the journey took in, the share who did what it is for. It says how well the journey works, not whether it pays.',
          '旅程接纳的所有用户中，完成目标的比例。它说明旅程效果好不好，而不说明是否赚钱。',
        ),
        note: meanNote(percent(report.conversionRate.value, 'en')),
        terms: ['conversion'],
      };
    case 'roi':
      return {
        ...base,
        name: glossaryTerm('roi').name,
        symbol: localized('ROI', 'ROI'),
        formula: localized('ROI = (revenue − cost) ÷ cost', 'ROI = (收入 − 成本) ÷ 成本'),
        withNumbers: both((lang) => `(${money(report.revenue, lang)} − ${money(cost, lang)}) ÷ ${money(cost, lang)} = ${percent(ratio(report.revenue - cost, cost), lang)}`),
        meaning: localized(
          'What every unit spent on touches and offers brought back beyond itself. Above 0 % the journey paid for itself.',
          '每花一元触达和优惠费用，在收回成本之外多赚回多少。高于 0% 说明旅程回本了。',
        ),
        note: meanNote(percent(report.roi.value, 'en')),
        terms: ['roi', 'touch'],
      };
    case 'cac':
      return {
        ...base,
        name: glossaryTerm('cac').name,
        symbol: localized('CAC', 'CAC'),
        formula: localized('CAC = cost ÷ converted users', 'CAC = 成本 ÷ 转化用户'),
        withNumbers: both((lang) => `${money(cost, lang)} ÷ ${count(report.converted, lang)} = ${money(ratio(cost, report.converted), lang)}`),
        meaning: localized('What one converted customer cost the journey. Worth it while it stays well below LTV.', '旅程每获得一位转化用户花了多少钱。只要明显低于 LTV 就值得。'),
        note: meanNote(money(report.cac.value, 'en')),
        terms: ['cac', 'ltv'],
      };
    case 'arpu':
      return {
        ...base,
        name: glossaryTerm('arpu').name,
        symbol: localized('ARPU', 'ARPU'),
        formula: localized('ARPU = revenue ÷ users who entered', 'ARPU = 收入 ÷ 进入旅程的用户'),
        withNumbers: both((lang) => `${money(report.revenue, lang)} ÷ ${count(report.entered, lang)} = ${money(ratio(report.revenue, report.entered), lang)}`),
        meaning: localized('The revenue the journey brought in per user it took in, converted or not.', '旅程接纳的每位用户（无论是否转化）平均带来的收入。'),
        note: meanNote(money(report.arpu.value, 'en')),
        terms: ['arpu'],
      };
    case 'ltv': {
      // The report keeps LTV per converted user; their total spend is that times the converted users.
      const spend = report.ltv.value * report.converted;
      return {
        ...base,
        name: glossaryTerm('ltv').name,
        symbol: localized('LTV', 'LTV'),
        formula: localized(
          'LTV = spend of converted users from the converting order to the horizon ÷ converted users',
          'LTV = 转化用户从转化订单到周期结束的消费 ÷ 转化用户',
        ),
        withNumbers: both((lang) => `${money(spend, lang)} ÷ ${count(report.converted, lang)} = ${money(report.ltv.value, lang)}`),
        meaning: localized(
          'What a converted customer goes on to spend until the end of the simulated period — a floor for their lifetime value.',
          '一位转化用户在模拟期结束前继续消费的金额——是其终身价值的下限。',
        ),
        terms: ['ltv', 'cac'],
      };
    }
    case 'churn':
      return {
        ...base,
        name: glossaryTerm('churn').name,
        symbol: localized('Churn rate', '流失率'),
        formula: localized('Churn rate = users who dropped out (BG/NBD) within the horizon ÷ users simulated', '流失率 = 周期内流失（BG/NBD）的用户 ÷ 模拟用户'),
        withNumbers: both((lang) => `${count(report.churned, lang)} ÷ ${count(report.users, lang)} = ${percent(ratio(report.churned, report.users), lang)}`),
        meaning: localized(
          'Customers who stopped buying for good during the simulated period. A journey cannot stop all churn; a win-back journey tries to reach them first.',
          '在模拟期内永久不再购买的用户。旅程无法阻止所有流失；召回旅程争取在此之前触达他们。',
        ),
        note: localized(
          `${count(report.churnedEntered, 'en')} of them had entered the journey; the period is ${report.horizonDays} days.`,
          `其中 ${count(report.churnedEntered, 'zh-CN')} 位曾进入旅程；模拟期为 ${report.horizonDays} 天。`,
        ),
        terms: ['churn', 'bgnbd', 'winBack'],
      };
    case 'lift': {
      const lift = report.lift;
      return {
        ...base,
        name: glossaryTerm('lift').name,
        symbol: localized('Lift', '提升'),
        formula: localized('Lift = treated conversion rate − holdout conversion rate', '提升 = 实验组转化率 − 对照组转化率'),
        withNumbers: lift
          ? both((lang) => `${percent(lift.treatedRate, lang)} − ${percent(lift.holdoutRate, lang)} = ${points(lift.treatedRate - lift.holdoutRate, lang)} ${localized('points', '个百分点')[lang]}`)
          : null,
        unavailable: lift ? null : localized('This journey has no holdout, so there is nothing to measure lift against.', '本旅程没有对照组，无从计算提升。'),
        meaning: localized(
          'How much more often the users the journey treated converted than the holdout who got nothing: the conversions the journey caused.',
          '接受旅程触达的用户比什么都没收到的对照组多出的转化率：这才是旅程带来的转化。',
        ),
        note: lift && several ? meanNote(`${points(lift.difference.value, 'en')} points`) : null,
        terms: ['lift', 'holdout', 'abSplit'],
      };
    }
    case 'unsubscribes': {
      const byChannel = channels.filter((channel) => report.unsubscribes[channel] > 0);
      const total = channels.reduce((sum, channel) => sum + report.unsubscribes[channel], 0);
      return {
        ...base,
        name: glossaryTerm('unsubscribes').name,
        symbol: localized('Unsubscribes', '退订'),
        formula: localized('Unsubscribes = unsubscribes summed over every channel', '退订 = 各渠道退订之和'),
        withNumbers: both((lang) =>
          byChannel.length === 0
            ? `0`
            : `${byChannel.map((channel) => `${channelInfo[channel].name[lang]} ${count(report.unsubscribes[channel], lang)}`).join(' + ')} = ${count(total, lang)}`,
        ),
        meaning: localized(
          'Users who opted out of a channel after a touch: they cannot be reached there again. Many unsubscribes mean too many or ill-fitting touches.',
          '收到触达后退订某个渠道的用户：之后无法再通过该渠道触达他们。退订多说明触达过多或内容不合适。',
        ),
        terms: ['unsubscribes', 'frequencyCap'],
      };
    }
  }
}

const noEstimate = { value: 0, interval: null };
const noChannels = Object.fromEntries(channels.map((channel) => [channel, 0])) as Record<Channel, number>;
/** Stands in for a run before anything is recorded; only words are read from its explanation. */
const emptyReport: SimulationReport = {
  format: 'journey-lab-report',
  version: 1,
  journey: { id: '', name: '' },
  cohort: { id: '' },
  engine: 'fast',
  seed: 0,
  users: 0,
  replications: 1,
  horizonDays: 0,
  entered: 0,
  entries: 0,
  converted: 0,
  conversionRate: noEstimate,
  purchases: 0,
  journeyPurchases: 0,
  revenue: 0,
  revenueAllUsers: 0,
  cost: { touches: 0, offers: 0, total: 0, byChannel: noChannels },
  offers: { granted: 0, redeemed: 0 },
  roi: noEstimate,
  cac: noEstimate,
  arpu: noEstimate,
  ltv: noEstimate,
  churned: 0,
  churnedEntered: 0,
  unsubscribes: noChannels,
  quietHours: { deferred: 0, dropped: 0 },
  deadEnds: 0,
  nodes: [],
  goals: [],
  stagesByDay: { awareness: [], exploration: [], decision: [], usage: [], loyalty: [] },
  conversionsByDay: [],
  revenueByDay: [],
  channels: Object.fromEntries(
    channels.map((channel): [Channel, ChannelReport] => [channel, { sent: 0, suppressed: 0, unreachable: 0, optedOut: 0, opens: 0, clicks: 0, unsubscribes: 0, cost: 0, sentByDay: [], suppressedByDay: [], sentByHour: [] }]),
  ) as Record<Channel, ChannelReport>,
  operations: { peakDay: 0, peakSends: 0, suppressed: 0 },
  segments: [],
  arms: [],
  lift: null,
};
