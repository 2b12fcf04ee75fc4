import { rejectionMessage, type CampaignImport, type RowReason, type TransactionImportResult } from '../core/calibration/import';
import { segmentWarningMessage, type FitReport, type RateEstimate, type SegmentReport, type SegmentWarning } from '../core/calibration';
import { channelInfo } from '../core/journey';
import { cliText, say, type CliLanguage } from './i18n';

/** What `journey-lab fit` prints: the import's accounting of every row (stderr) and the fit (stdout). */

/** Line numbers shown per rejection reason; the rest are in --rejected and --report. */
const LINES_SHOWN = 5;

const number = (value: number, lang: CliLanguage, digits = 0) => value.toLocaleString(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits });
const significant = (value: number, lang: CliLanguage) => value.toLocaleString(lang, { maximumSignificantDigits: 4 });

export function formatImport(imported: TransactionImportResult, file: string, lang: CliLanguage): string {
  const text = cliText(lang);
  const { report, layout } = imported;
  const lines = [
    text('fit.import.read', {
      file,
      rows: number(report.rowsRead, lang),
      accepted: number(report.accepted, lang),
      rejected: number(report.rejectedCount, lang),
      encoding: imported.encoding ?? '?',
      delimiter: layout ? text(`fit.delimiters.${delimiterKey(layout.delimiter)}`) : '?',
      header: layout?.header ? text('fit.import.withHeader') : text('fit.import.withoutHeader'),
    }),
  ];
  for (const [reason, list] of Object.entries(report.rejected)) {
    if (list.count === 0) continue;
    const shown = list.lines.slice(0, LINES_SHOWN).join(', ');
    lines.push(`  ${text('fit.import.rejectedReason', { count: number(list.count, lang), shown: Math.min(list.count, LINES_SHOWN), reason: say(rejectionMessage(reason as RowReason), lang), lines: list.count > LINES_SHOWN ? `${shown}, …` : shown })}`);
  }
  if (report.refunds.count > 0) lines.push(`  ${text('fit.import.refunds', { count: number(report.refunds.count, lang), total: number(report.refunds.total, lang, 2) })}`);
  if (report.zeroAmounts.count > 0) lines.push(`  ${text('fit.import.zeroAmounts', { count: number(report.zeroAmounts.count, lang) })}`);
  if (report.duplicates.count > 0) lines.push(`  ${text(report.duplicates.rule === 'drop' ? 'fit.import.duplicatesDropped' : 'fit.import.duplicatesKept', { count: number(report.duplicates.count, lang) })}`);
  if (report.orders) lines.push(`  ${text('fit.import.orders', { merged: number(report.orders.mergedRows, lang), refunded: number(report.orders.refunded.count, lang) })}`);
  for (const rule of report.rules) lines.push(`  ${say(rule, lang)}`);
  return `${lines.join('\n')}\n`;
}

const delimiterNames = { ',': 'comma', '\t': 'tab', ';': 'semicolon', '|': 'pipe', whitespace: 'whitespace' } as const;
const delimiterKey = (delimiter: keyof typeof delimiterNames) => delimiterNames[delimiter];

const warningText = (warning: SegmentWarning, lang: CliLanguage): string => say(segmentWarningMessage(warning), lang);

function segmentLines(segment: SegmentReport, currency: string, lang: CliLanguage): string[] {
  const text = cliText(lang);
  const se = (value: number | undefined) => (value === undefined ? '' : ` (SE ${significant(value, lang)})`);
  const lines = [text('fit.segment', { segment: segment.value ?? segment.id, customers: number(segment.customers, lang), repeat: number(segment.repeatCustomers, lang) })];
  if (segment.bgnbd) {
    const { r, alpha, a, b, standardErrors: errors } = segment.bgnbd;
    lines.push(
      `  ${text(segment.pooled ? 'fit.bgnbdPooled' : 'fit.bgnbd', {
        r: `${significant(r, lang)}${se(errors?.r)}`,
        alpha: `${significant(alpha, lang)}${se(errors?.alpha)}`,
        a: `${significant(a, lang)}${se(errors?.a)}`,
        b: `${significant(b, lang)}${se(errors?.b)}`,
        logLikelihood: number(segment.bgnbd.logLikelihood, lang, 1),
      })}`,
    );
  } else lines.push(`  ${text('fit.noBgnbd')}`);
  for (const warning of segment.warnings) lines.push(`    ${text('fit.warningLine', { warning: warningText(warning, lang) })}`);
  if (segment.gammaGamma) {
    const { p, q, gamma, standardErrors: errors } = segment.gammaGamma;
    lines.push(`  ${text('fit.gammaGamma', { p: `${significant(p, lang)}${se(errors?.p)}`, q: `${significant(q, lang)}${se(errors?.q)}`, gamma: `${significant(gamma, lang)}${se(errors?.gamma)}` })}`);
  } else lines.push(`  ${text('fit.noGammaGamma')}`);
  for (const warning of segment.orderValueWarnings) lines.push(`    ${text('fit.warningLine', { warning: warningText(warning, lang) })}`);
  if (segment.meaning)
    lines.push(
      `  ${text('fit.meaning', {
        perMonth: number(segment.meaning.purchasesPerMonth, lang, 2),
        lapse: number(100 * segment.meaning.lapseChance, lang, 1),
        order: segment.meaning.meanOrderValue === null ? '—' : `${number(segment.meaning.meanOrderValue, lang, 2)} ${currency}`,
      })}`,
    );
  return lines;
}

export function formatFit(report: FitReport, lang: CliLanguage): string {
  const text = cliText(lang);
  const lines = [
    text('fit.customers', {
      customers: number(report.customers, lang),
      first: report.import.firstDate ?? '—',
      last: report.import.lastDate ?? '—',
      end: report.calibrationEnd,
    }),
    ...(report.firstPurchaseAfterCalibration > 0 ? [text('fit.laterCustomers', { later: number(report.firstPurchaseAfterCalibration, lang) })] : []),
    '',
    ...report.segments.flatMap((segment) => [...segmentLines(segment, report.import.currency, lang), '']),
    ...responseLines(report, lang),
  ];
  const diagnostics = report.diagnostics;
  if (diagnostics) {
    if (diagnostics.customers < report.customers) lines.push(text('fit.diagnosticsCover', { customers: number(diagnostics.customers, lang), all: number(report.customers, lang) }), '');
    lines.push(text('fit.histogramTitle'));
    for (const bin of diagnostics.histogram)
      lines.push(`  ${text('fit.histogramRow', { x: bin.orMore ? `${bin.frequency}+` : String(bin.frequency), actual: number(bin.actual, lang), expected: number(bin.expected, lang, 1) })}`);
    lines.push('');
    for (const line of diagnosticLines(diagnostics, lang)) lines.push(line);
    const holdout = diagnostics.holdout;
    lines.push(
      '',
      holdout
        ? text('fit.holdout', {
            days: number(holdout.days, lang),
            predicted: number(holdout.predictedTotal, lang, 0),
            actual: number(holdout.actualTotal, lang),
            error: Number.isFinite(holdout.percentError) ? `${holdout.percentError > 0 ? '+' : ''}${number(holdout.percentError, lang, 1)} %` : '—',
          })
        : text('fit.noHoldout'),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Weeks between the tracking rows printed (the whole curve is in --report and the app's chart). */
const TRACKING_EVERY_WEEKS = 13;

/**
 * The other checks of Fader, Hardie & Lee (2005), printed short: cumulative repeat purchases, actual
 * against the model, every quarter and at the calibration end; holdout purchases per customer by
 * calibration frequency; and how customers' P(alive) is spread.
 */
function diagnosticLines(diagnostics: NonNullable<FitReport['diagnostics']>, lang: CliLanguage): string[] {
  const text = cliText(lang);
  const lines = [text('fit.trackingTitle')];
  const last = diagnostics.tracking.at(-1)?.week;
  for (const point of diagnostics.tracking)
    if (point.week % TRACKING_EVERY_WEEKS === 0 || point.week === diagnostics.calibrationEndWeek || point.week === last)
      lines.push(
        `  ${text(point.week === diagnostics.calibrationEndWeek ? 'fit.trackingRowEnd' : 'fit.trackingRow', { week: number(point.week, lang), actual: number(point.actual, lang), expected: number(point.expected, lang, 0) })}`,
      );
  if (diagnostics.conditional) {
    lines.push('', text('fit.conditionalTitle'));
    for (const group of diagnostics.conditional)
      lines.push(
        `  ${text('fit.conditionalRow', { x: group.orMore ? `${group.frequency}+` : String(group.frequency), customers: number(group.customers, lang), actual: number(group.meanActual, lang, 2), expected: number(group.meanPredicted, lang, 2) })}`,
      );
  }
  lines.push('', text('fit.aliveTitle'));
  for (const bin of diagnostics.alive)
    lines.push(`  ${text('fit.aliveRow', { lower: number(100 * bin.lower, lang), upper: number(100 * bin.upper, lang), customers: number(bin.customers, lang) })}`);
  return lines;
}

/** The campaign history's accounting: rows, and channel names no channel was found for. */
export function formatCampaignImport(imported: CampaignImport, file: string, lang: CliLanguage): string {
  const text = cliText(lang);
  const { report } = imported;
  const lines = [text('fit.campaigns.read', { file, rows: number(report.rowsRead, lang), accepted: number(report.accepted, lang), rejected: number(report.rowsRead - report.accepted, lang) })];
  for (const [reason, list] of Object.entries(report.rejected)) {
    if (list.count === 0) continue;
    const shown = list.lines.slice(0, LINES_SHOWN).join(', ');
    lines.push(`  ${text('fit.import.rejectedReason', { count: number(list.count, lang), shown: Math.min(list.count, LINES_SHOWN), reason: say(rejectionMessage(reason as RowReason), lang), lines: list.count > LINES_SHOWN ? `${shown}, …` : shown })}`);
  }
  if (report.unknownChannels.length > 0) lines.push(`  ${text('fit.campaigns.unknownChannels', { names: report.unknownChannels.map((entry) => `${entry.name} (${number(entry.count, lang)})`).join(', ') })}`);
  return `${lines.join('\n')}\n`;
}

const rate = (estimate: RateEstimate | null, lang: CliLanguage) =>
  estimate ? `${number(100 * estimate.mean, lang, 2)} % (${number(100 * estimate.low, lang, 2)}–${number(100 * estimate.high, lang, 2)})` : '—';

function responseLines(report: FitReport, lang: CliLanguage): string[] {
  if (report.responses.length === 0) return [];
  const text = cliText(lang);
  return [
    text('fit.responsesTitle'),
    ...report.responses.map(
      (fit) =>
        `  ${text('fit.responseRow', {
          channel: say(channelInfo[fit.channel].name, lang),
          segment: fit.segment ?? text('fit.everyone'),
          delivered: number(fit.delivered, lang),
          open: rate(fit.open, lang),
          click: rate(fit.click, lang),
          unsubscribe: rate(fit.unsubscribe, lang),
        })}`,
    ),
    '',
  ];
}
