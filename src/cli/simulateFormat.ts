import { MS } from '../core/journey';
import { channelInfo, channels, type Channel } from '../core/journey';
import { eventLabel } from '../core/journey';
import { defaultRegistry, type Registry } from '../core/journey';
import type { JourneyDocument } from '../core/journey';
import type { Estimate, SimulationReport } from '../core/sim/engine';
import type { TraceEntry } from '../core/sim/engine';
import { formatList, numberFormat } from '../app/i18n/format';
import { oneLine } from './commandIo';
import { cliText, say, type CliText, type CliLanguage } from './i18n';

/**
 * The readable forms of a simulation: the summary of a report and one user's path, in either language.
 * Pure functions of the report (or trace) and the journey it ran, so the tests call them directly.
 * Names and labels come from the journey, so every line and table cell passes through oneLine: a line
 * feed, tab or terminal control in a label is shown escaped and cannot forge a line or break a column.
 */

const DAY_MS = MS.day;

// ---------------------------------------------------------------------------------------------------
// Numbers

/** A count: whole numbers grouped; means over replications keep one decimal. */
export const formatCount = (value: number, lang: CliLanguage) => numberFormat(lang, { maximumFractionDigits: Number.isInteger(value) ? 0 : 1 }).format(value);

const fixed = (value: number, lang: CliLanguage, digits = 2) => numberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);

/** A proportion as a percentage with two decimals: "12.44 %" (English), "12.44%" (Chinese). */
export const formatPercent = (value: number, lang: CliLanguage) => cliText(lang)('simulate.percent', { value: fixed(value * 100, lang) });

/** A difference of proportions in percentage points, signed: "+1.25 pts", "−0.40 pts". */
export const formatPoints = (value: number, lang: CliLanguage) =>
  `${value > 0 ? '+' : value < 0 ? '−' : ''}${fixed(Math.abs(value * 100), lang)} ${cliText(lang)('simulate.points')}`;

/** Money with two decimals and the journey's currency: "1,234.50 CNY". */
export const formatMoney = (value: number, currency: string, lang: CliLanguage) => `${fixed(value, lang)} ${currency}`;

/** Milliseconds after launch as day and time of day: "d3 14:05" (day 0 is launch day). */
export function formatTraceTime(at: number): string {
  const day = Math.floor(at / DAY_MS);
  const minutes = Math.floor((at - day * DAY_MS) / 60_000);
  return `d${day} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** "95 % CI low – high" of an estimate, or '' when it has no interval. */
function intervalOf(estimate: Estimate, write: (value: number) => string, lang: CliLanguage): string {
  return estimate.interval ? cliText(lang)('simulate.interval', { low: write(estimate.interval.low), high: write(estimate.interval.high) }) : '';
}

/** An aside in brackets: " (…)" in English, "（…）" in Chinese. */
const aside = (text: string, lang: CliLanguage) => cliText(lang)('simulate.aside', { text });

/** An estimate with its 95 % interval when it has one, each end written by `write`. */
function withInterval(estimate: Estimate, write: (value: number) => string, lang: CliLanguage): string {
  const interval = intervalOf(estimate, write, lang);
  return interval ? `${write(estimate.value)}${aside(interval, lang)}` : write(estimate.value);
}

/** The same in a table whose header says what the interval is: "12.44 % (11.03 % – 14.01 %)". */
function compactInterval(estimate: Estimate, write: (value: number) => string, lang: CliLanguage): string {
  return estimate.interval ? `${write(estimate.value)}${aside(`${write(estimate.interval.low)} – ${write(estimate.interval.high)}`, lang)}` : write(estimate.value);
}

// ---------------------------------------------------------------------------------------------------
// Tables whose columns line up with Chinese text too (CJK characters take two columns).

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export function displayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += WIDE.test(character) ? 2 : 1;
  return width;
}

/** Rows of cells as aligned text: the first `left` columns flush left, the rest flush right. */
function table(cells: string[][], left: number, indent = '  '): string[] {
  const rows = cells.map((row) => row.map(oneLine));
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, displayWidth(cell))));
  return rows.map((row) => {
    const cells = row.map((cell, column) => {
      const pad = ' '.repeat(widths[column]! - displayWidth(cell));
      if (column === row.length - 1 && column < left) return cell;
      return column < left ? cell + pad : pad + cell;
    });
    return (indent + cells.join('  ')).trimEnd();
  });
}

// ---------------------------------------------------------------------------------------------------
// Names

const channelName = (channel: Channel, lang: CliLanguage) => say(channelInfo[channel].name, lang);

/** The labels of a node's ports in the chosen language (the port id where the kind does not say). */
function portLabels(journey: JourneyDocument, registry: Registry, lang: CliLanguage): Map<string, Map<string, string>> {
  const labels = new Map<string, Map<string, string>>();
  for (const node of journey.nodes) {
    const kind = registry.get(node.kind);
    const ports = new Map<string, string>();
    try {
      for (const port of kind?.ports(node.params) ?? []) ports.set(port.id, say(port.label, lang));
    } catch {
      // A kind that cannot name its ports for these params: the ids are shown.
    }
    labels.set(node.id, ports);
  }
  return labels;
}

/** A node by its id, and its label where that says more: `wait24 “Buys within 24 h?”`. */
const nodeName = (text: CliText, id: string, label: string) => (label && label !== id ? text('simulate.nodeName', { id, label }) : id);

// ---------------------------------------------------------------------------------------------------
// The summary

export function formatSummary(report: SimulationReport, journey: JourneyDocument, lang: CliLanguage, registry: Registry = defaultRegistry): string {
  const text = cliText(lang);
  const currency = journey.settings.currency;
  const count = (value: number) => formatCount(value, lang);
  const percent = (value: number) => formatPercent(value, lang);
  const money = (value: number) => formatMoney(value, currency, lang);
  const points = (value: number) => formatPoints(value, lang);
  const lines: string[] = [];
  // Appended line by line, never spread into push: a table has a row per node or day, and a call takes only so many arguments.
  const append = (more: string[]) => {
    for (const line of more) lines.push(line);
  };
  const field = (rows: [string, string][]) => append(table(rows, 2));

  lines.push(text('simulate.title', { journey: report.journey.name || report.journey.id, cohort: report.cohort.id }));
  lines.push(
    text('simulate.runLine', {
      users: count(report.users),
      engine: report.engine,
      seed: report.seed,
      lastSeed: report.seed + report.replications - 1,
      replications: report.replications,
      days: count(report.horizonDays),
    }),
  );
  if (report.replications > 1) lines.push(text('simulate.meansNote', { replications: report.replications }));

  lines.push('', text('simulate.results'));
  const byChannel = formatList(
    channels.filter((channel) => report.cost.byChannel[channel] !== 0).map((channel) => `${channelName(channel, lang)} ${money(report.cost.byChannel[channel])}`),
    lang,
  );
  const unsubscribes = formatList(
    channels.filter((channel) => report.unsubscribes[channel] !== 0).map((channel) => `${channelName(channel, lang)} ${count(report.unsubscribes[channel])}`),
    lang,
  );
  const cost = text('simulate.costValue', {
    total: money(report.cost.total),
    touches: money(report.cost.touches),
    hasByChannel: byChannel !== '',
    byChannel,
    offers: money(report.cost.offers),
    granted: count(report.offers.granted),
    redeemed: count(report.offers.redeemed),
  });
  const { incremental } = report;
  const conversionsInterval = intervalOf(incremental.conversions, count, lang);
  // The headline first: what the journey adds over each user's twin (the same user without it), then
  // attributed revenue with what separates the two, then the figures measured while in the journey.
  const rows: [string, string][] = [
    [
      text('simulate.incrementalConversions'),
      text('simulate.incrementalConversionsValue', { users: count(incremental.conversions.value), hasInterval: conversionsInterval !== '', interval: conversionsInterval }),
    ],
    [text('simulate.incrementalRevenue'), withInterval(incremental.revenue, money, lang)],
    [text('simulate.cost'), cost],
    [text('simulate.incrementalRoi'), withInterval(incremental.roi, percent, lang)],
    [
      text('simulate.costPerIncrementalConversion'),
      incremental.costPerConversion ? withInterval(incremental.costPerConversion, money, lang) : text('simulate.noIncrementalConversions'),
    ],
    [
      text('simulate.baseline'),
      text('simulate.baselineValue', { converted: count(report.baseline.converted), purchases: count(report.baseline.purchases), revenue: money(report.baseline.revenue) }),
    ],
    [text('simulate.attributedRevenue'), text('simulate.attributedRevenueValue', { journey: money(report.attributedRevenue), all: money(report.revenueAllUsers) })],
    ['', text('simulate.attributedNote')],
    [
      text('simulate.entered'),
      text('simulate.enteredValue', {
        users: count(report.entered),
        share: percent(report.users > 0 ? report.entered / report.users : 0),
        entries: count(report.entries),
      }),
    ],
    [text('simulate.converted'), text('simulate.convertedValue', { users: count(report.converted), rate: withInterval(report.conversionRate, percent, lang) })],
    [text('simulate.purchases'), text('simulate.purchasesValue', { journey: count(report.journeyPurchases), all: count(report.purchases) })],
    [text('simulate.attributedRoi'), withInterval(report.attributedRoi, percent, lang)],
    [text('simulate.cac'), text('simulate.cacValue', { value: withInterval(report.cac, money, lang) })],
    [text('simulate.arpu'), text('simulate.arpuValue', { value: withInterval(report.arpu, money, lang) })],
    [text('simulate.revenuePerConverted'), text('simulate.revenuePerConvertedValue', { value: withInterval(report.revenuePerConverted, money, lang) })],
    [text('simulate.customerValue'), text('simulate.customerValueValue', { value: withInterval(report.customerValue, money, lang) })],
    [text('simulate.churned'), text('simulate.churnedValue', { users: count(report.churned), entered: count(report.churnedEntered), wonBack: count(report.reactivated) })],
    [text('simulate.unsubscribes'), unsubscribes || text('simulate.none')],
  ];
  if (report.deadEnds > 0) rows.push([text('simulate.deadEnds'), text('simulate.deadEndsValue', { users: count(report.deadEnds) })]);
  field(rows);

  const control = report.controlGroup;
  if (control) {
    lines.push('', text('simulate.controlGroup', { share: percent(control.share) }));
    field([
      [text('simulate.controlUsers'), text('simulate.controlUsersValue', { control: count(control.controlUsers), treated: count(control.treatedUsers) })],
      [
        text('simulate.controlRates'),
        text('simulate.controlRatesValue', { treated: percent(control.treatedRate), control: percent(control.controlRate), difference: withInterval(control.difference, points, lang) }),
      ],
      [text('simulate.controlRevenue'), text('simulate.controlRevenueValue', { treated: money(control.treatedRevenuePerUser), control: money(control.controlRevenuePerUser) })],
      [text('simulate.controlIncrementalRevenue'), withInterval(control.incrementalRevenue, money, lang)],
    ]);
  }

  lines.push('', text('simulate.touches'));
  const used = channels.filter((channel) => {
    const c = report.channels[channel];
    return c.sent + c.suppressed + c.unreachable + c.optedOut > 0;
  });
  if (used.length === 0) lines.push(`  ${text('simulate.noTouches')}`);
  else {
    const peakOf = (days: number[]) => {
      const most = days.reduce((largest, sends) => Math.max(largest, sends), 0);
      return most > 0 ? text('simulate.dayCount', { day: days.indexOf(most), count: count(most) }) : '–';
    };
    append(
      table(
        [
          [
            text('simulate.channel'),
            text('simulate.sent'),
            text('simulate.suppressed'),
            text('simulate.unreachable'),
            text('simulate.optedOut'),
            text('simulate.opened'),
            text('simulate.clicked'),
            text('simulate.peakDay'),
          ],
          ...used.map((channel) => {
            const c = report.channels[channel];
            return [channelName(channel, lang), count(c.sent), count(c.suppressed), count(c.unreachable), count(c.optedOut), count(c.opens), count(c.clicks), peakOf(c.sentByDay)];
          }),
        ],
        1,
      ),
    );
    if (report.operations.peakSends > 0) lines.push(`  ${text('simulate.peak', { day: report.operations.peakDay, sends: count(report.operations.peakSends) })}`);
  }
  lines.push(`  ${text('simulate.quietHours', { deferred: count(report.quietHours.deferred), dropped: count(report.quietHours.dropped) })}`);

  const ports = portLabels(journey, registry, lang);
  const portText = (node: SimulationReport['nodes'][number]) =>
    Object.entries(node.ports)
      .map(([port, value]) => `${ports.get(node.id)?.get(port) ?? port} ${count(value)}`)
      .join(' · ');
  lines.push('', text('simulate.steps'));
  append(stepsTable(report, text, count, portText));
  if (report.goals.length > 0) {
    lines.push('', text('simulate.goals'));
    field(
      report.goals.map((goal) => {
        const interval = intervalOf(goal.rate, percent, lang);
        return [nodeName(text, goal.node, goal.goal), text('simulate.goalValue', { users: count(goal.users), rate: percent(goal.rate.value), hasInterval: interval !== '', interval })];
      }),
    );
  }

  for (const split of [...new Set(report.arms.map((arm) => arm.split))]) {
    lines.push('', text('simulate.split', { id: split }));
    const arms = report.arms.filter((arm) => arm.split === split);
    append(
      table(
        [
          [
            text('simulate.arm'),
            text('simulate.assigned'),
            text('simulate.convertedColumn'),
            text('simulate.conversion'),
            text('simulate.armRevenue'),
            text('simulate.costColumn'),
            text('simulate.armIncrementalConversions'),
            text('simulate.armIncrementalRevenue'),
          ],
          ...arms.map((arm) => [
            `${arm.label}${arm.holdout ? aside(text('simulate.holdout'), lang) : ''}`,
            count(arm.assigned),
            count(arm.converted),
            compactInterval(arm.conversionRate, percent, lang),
            money(arm.attributedRevenue),
            money(arm.cost),
            compactInterval(arm.incremental.conversions, count, lang),
            compactInterval(arm.incremental.revenue, money, lang),
          ]),
        ],
        1,
      ),
    );
    const lift = report.lift;
    if (lift && lift.split === split) {
      const interval = lift.difference.interval
        ? text('simulate.interval', { low: points(lift.difference.interval.low), high: points(lift.difference.interval.high) })
        : '';
      lines.push(
        `  ${text('simulate.lift', {
          difference: points(lift.difference.value),
          treated: percent(lift.treatedRate),
          holdout: percent(lift.holdoutRate),
          hasInterval: interval !== '',
          interval,
        })}`,
      );
      lines.push(
        `  ${text('simulate.liftTrue', {
          difference: points(lift.trueDifference),
          hasNeeded: lift.holdoutUsersNeeded !== null,
          needed: lift.holdoutUsersNeeded === null ? '' : count(lift.holdoutUsersNeeded),
        })}`,
      );
      lines.push(
        `  ${text('simulate.holdoutIncremental', { revenue: withInterval(lift.incrementalRevenue, money, lang), roi: withInterval(lift.incrementalRoi, percent, lang) })}`,
      );
    }
  }
  return `${lines.map(oneLine).join('\n')}\n`;
}

/** The steps table: id and label flush left, counts flush right, ports flush left. */
function stepsTable(
  report: SimulationReport,
  text: CliText,
  count: (value: number) => string,
  portText: (node: SimulationReport['nodes'][number]) => string,
): string[] {
  const head = table([[text('simulate.step'), text('simulate.label'), text('simulate.entries'), text('simulate.users')], ...report.nodes.map((node) => [node.id, node.label, count(node.entries), count(node.users)])], 2);
  const width = head.reduce((widest, line) => Math.max(widest, displayWidth(line)), 0);
  return head.map((line, index) => {
    const ports = index === 0 ? text('simulate.ports') : portText(report.nodes[index - 1]!);
    return `${line}${' '.repeat(width - displayWidth(line))}  ${ports}`.trimEnd();
  });
}

// ---------------------------------------------------------------------------------------------------
// One user's path

export function formatTrace(user: number, entries: readonly TraceEntry[], journey: JourneyDocument, lang: CliLanguage, registry: Registry = defaultRegistry): string {
  const text = cliText(lang);
  const money = (value: number) => formatMoney(value, journey.settings.currency, lang);
  const labels = new Map(journey.nodes.map((node) => [node.id, node.label]));
  const ports = portLabels(journey, registry, lang);
  const name = (id: string) => nodeName(text, id, labels.get(id) ?? '');
  const describe = (entry: TraceEntry): string => {
    switch (entry.type) {
      case 'enter':
        return text('simulate.traceEnter', { node: name(entry.node), visit: entry.visit });
      case 'port':
        return text('simulate.tracePort', { node: entry.node, port: ports.get(entry.node)?.get(entry.port) ?? entry.port });
      case 'event': {
        const label = say(eventLabel(entry.event), lang);
        // What else is known of the event, one fact after another (not a list of like items, as formatList makes).
        const detail = [label === entry.event ? '' : entry.event, entry.value === undefined ? '' : money(entry.value), entry.channel ? channelName(entry.channel, lang) : '']
          .filter(Boolean)
          .join(text('simulate.detailSeparator'));
        return text('simulate.traceEvent', { event: label, hasDetail: detail !== '', detail });
      }
      case 'touch':
        return text('simulate.traceTouch', { channel: channelName(entry.channel, lang), node: entry.node, outcome: text(`simulate.touchOutcomes.${entry.outcome}`) });
      case 'offer':
        return text('simulate.traceOffer', { node: name(entry.node), value: money(entry.value) });
      case 'redeem':
        return text('simulate.traceRedeem', { node: name(entry.node), value: money(entry.value) });
      case 'goal':
        return text('simulate.traceGoal', { node: entry.node, goal: entry.goal });
      case 'exit':
        return entry.node === null
          ? text('simulate.traceDeadEnd')
          : text('simulate.traceExit', { node: name(entry.node), hasReason: entry.reason !== '', reason: entry.reason });
      case 'tag':
        return text('simulate.traceTag', { node: entry.node, tag: entry.tag, present: entry.present });
      case 'attribute':
        return text('simulate.traceAttribute', { node: entry.node, attribute: entry.attribute, value: String(entry.value) });
      case 'churn':
        return text('simulate.traceChurn');
      case 'reactivate':
        return text('simulate.traceReactivate');
      case 'notice':
        return text('simulate.traceNotice', { node: name(entry.node) });
    }
  };
  if (entries.length === 0) return `${text('simulate.traceEmpty', { user })}\n`;
  const times = entries.map((entry) => formatTraceTime(entry.at));
  const width = times.reduce((widest, time) => Math.max(widest, time.length), 0);
  return `${[text('simulate.traceTitle', { user, steps: entries.length }), ...entries.map((entry, index) => `  ${times[index]!.padEnd(width)}  ${describe(entry)}`)].map(oneLine).join('\n')}\n`;
}
