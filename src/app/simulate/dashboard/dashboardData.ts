// The dashboard's tables, derived from a SimulationReport only (no engine work): the funnel by stage and
// by goal, the stage population and the operations load per day, the per-segment figures, and the two
// CSV exports (incremental figures first; money columns name the currency). Plain functions, so tests
// read them without rendering a chart.
import { toCsv } from '../../../core/csv';
import { channels, type Channel } from '../../../core/journey';
import { stages, type Stage } from '../../../core/journey';
import type { Estimate, SegmentReport, SimulationReport } from '../../../core/sim/engine';

const ratio = (top: number, bottom: number) => (bottom > 0 ? top / bottom : 0);

export interface StageFunnelRow {
  stage: Stage;
  /** Users who reached this stage or a later one (report.stageFunnel): never more than the stage before. */
  users: number;
  /** users ÷ users who entered the journey. */
  share: number;
}

/** Users who reached each lifecycle stage or a later one, in stage order: a funnel that never widens. */
export function stageFunnel(report: SimulationReport): StageFunnelRow[] {
  return stages.map((stage) => {
    const users = report.stageFunnel[stage] ?? 0;
    return { stage, users, share: ratio(users, report.entered) };
  });
}

export interface GoalRow {
  node: string;
  label: string;
  goal: string;
  users: number;
  rate: Estimate;
}

export function goalFunnel(report: SimulationReport): GoalRow[] {
  const labels = new Map(report.nodes.map((node) => [node.id, node.label]));
  return report.goals.map((goal) => ({ ...goal, label: labels.get(goal.node) || goal.node }));
}

export const dayCount = (report: SimulationReport): number => report.stagesByDay[stages[0]].length;

/** Channels that sent or suppressed anything (the operations chart leaves out idle channels). */
export const activeChannels = (report: SimulationReport): Channel[] =>
  channels.filter((channel) => report.channels[channel].sent > 0 || report.channels[channel].suppressed > 0);

export interface OperationsDay {
  day: number;
  sent: Record<Channel, number>;
  suppressed: Record<Channel, number>;
  totalSent: number;
  totalSuppressed: number;
}

export function operationsByDay(report: SimulationReport): OperationsDay[] {
  return Array.from({ length: dayCount(report) }, (_, day) => {
    const sent = {} as Record<Channel, number>;
    const suppressed = {} as Record<Channel, number>;
    let totalSent = 0;
    let totalSuppressed = 0;
    for (const channel of channels) {
      sent[channel] = report.channels[channel].sentByDay[day] ?? 0;
      suppressed[channel] = report.channels[channel].suppressedByDay[day] ?? 0;
      totalSent += sent[channel];
      totalSuppressed += suppressed[channel];
    }
    return { day, sent, suppressed, totalSent, totalSuppressed };
  });
}

/** A segment's figures from the report, with the ratios the report gives only for the whole run. */
export interface SegmentRow extends SegmentReport {
  attributedRoi: number;
  cac: number;
  arpu: number;
}

/** Each segment's figures, with attributed ROI, CAC and ARPU worked out as the report does for the whole run. */
export const segmentRows = (report: SimulationReport): SegmentRow[] =>
  report.segments.map((segment) => ({
    ...segment,
    attributedRoi: ratio(segment.attributedRevenue - segment.cost, segment.cost),
    cac: ratio(segment.cost, segment.converted),
    arpu: ratio(segment.attributedRevenue, segment.entered),
  }));

// ---------------------------------------------------------------------------------------------------
// CSV, written by core/csv (RFC 4180; text cells that a spreadsheet would take for a formula get a
// leading '). Numbers are written as JavaScript prints them (String(n)), exactly the report's values.

/** The ports of every node, in first-seen order (a column each: `port:<name>`, empty where a node has no such port). */
export function portNames(report: SimulationReport): string[] {
  const seen = new Set<string>();
  for (const node of report.nodes) for (const port of Object.keys(node.ports)) seen.add(port);
  return [...seen];
}

/**
 * One row per node: id, label, stage, entries, users, what its users gained over their twins (incremental
 * conversions, and revenue and cost in the journey's currency), then the times users left through each port.
 */
export function nodesCsv(report: SimulationReport, currency: string): string {
  const ports = portNames(report);
  const header = ['id', 'label', 'stage', 'entries', 'users', 'incremental:conversions', `incremental:revenue:${currency}`, `incremental:cost:${currency}`, ...ports.map((port) => `port:${port}`)];
  const rows = report.nodes.map((node) => [
    node.id,
    node.label,
    node.stage,
    node.entries,
    node.users,
    node.incremental.conversions,
    node.incremental.revenue,
    node.incremental.cost,
    ...ports.map((port) => (port in node.ports ? node.ports[port]! : '')),
  ]);
  return toCsv([header, ...rows]);
}

/**
 * One row per simulated day (day 0 is launch day): incremental conversions and revenue first, then all
 * conversions and attributed revenue, users per stage at the day's end, then sent and suppressed per
 * channel. Money in the journey's currency, named in the column.
 */
export function daysCsv(report: SimulationReport, currency: string): string {
  const header = [
    'day',
    'incremental:conversions',
    `incremental:revenue:${currency}`,
    'conversions',
    `attributed:revenue:${currency}`,
    ...stages,
    ...channels.flatMap((channel) => [`${channel}:sent`, `${channel}:suppressed`]),
  ];
  const rows = Array.from({ length: dayCount(report) }, (_, day) => [
    day,
    report.incremental.byDay.conversions[day] ?? 0,
    report.incremental.byDay.revenue[day] ?? 0,
    report.conversionsByDay[day] ?? 0,
    report.revenueByDay[day] ?? 0,
    ...stages.map((stage) => report.stagesByDay[stage][day] ?? 0),
    ...channels.flatMap((channel) => [report.channels[channel].sentByDay[day] ?? 0, report.channels[channel].suppressedByDay[day] ?? 0]),
  ]);
  return toCsv([header, ...rows]);
}

/** Offers a text as a file download (Blob + object URL, revoked once the click has been handled). */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
