// The dashboard's tables, derived from a SimulationReport only (no engine work): the funnel by stage and
// by goal, the stage population and the operations load per day, the per-segment figures, and the two
// CSV exports. Plain functions, so tests read them without rendering a chart.
import { toCsv } from '../../../core/csv';
import { channels, type Channel } from '../../../core/journey';
import { stages, type Stage } from '../../../core/journey';
import type { Estimate, SimulationReport } from '../../../core/sim/engine';

const ratio = (top: number, bottom: number) => (bottom > 0 ? top / bottom : 0);

export interface StageFunnelRow {
  stage: Stage;
  users: number;
  /** users ÷ users who entered the journey. */
  share: number;
}

/**
 * Users who reached each lifecycle stage. The report counts users per node, not per stage, so a stage's
 * figure is the largest `users` among its nodes: everyone who entered that node reached the stage, and
 * summing the stage's nodes would count twice a user who passed through two of its steps. It is exact
 * when every path through the stage crosses its busiest step, and a lower bound otherwise. Stages with
 * no node in the journey are left out.
 */
export function stageFunnel(report: SimulationReport): StageFunnelRow[] {
  return stages.flatMap((stage) => {
    const ofStage = report.nodes.filter((node) => node.stage === stage);
    if (ofStage.length === 0) return [];
    const users = ofStage.reduce((most, node) => Math.max(most, node.users), 0);
    return [{ stage, users, share: ratio(users, report.entered) }];
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

export interface SegmentRow {
  id: string;
  users: number;
  entered: number;
  converted: number;
  conversionRate: Estimate;
  purchases: number;
  revenue: number;
  cost: number;
  roi: number;
  cac: number;
  arpu: number;
  churned: number;
  unsubscribes: number;
}

/** Each segment's figures, with ROI, CAC and ARPU worked out as the report does for the whole run. */
export const segmentRows = (report: SimulationReport): SegmentRow[] =>
  report.segments.map((segment) => ({
    ...segment,
    roi: ratio(segment.revenue - segment.cost, segment.cost),
    cac: ratio(segment.cost, segment.converted),
    arpu: ratio(segment.revenue, segment.entered),
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

/** One row per node: id, label, stage, entries, users, then the times users left through each port. */
export function nodesCsv(report: SimulationReport): string {
  const ports = portNames(report);
  const header = ['id', 'label', 'stage', 'entries', 'users', ...ports.map((port) => `port:${port}`)];
  const rows = report.nodes.map((node) => [node.id, node.label, node.stage, node.entries, node.users, ...ports.map((port) => (port in node.ports ? node.ports[port]! : ''))]);
  return toCsv([header, ...rows]);
}

/** One row per simulated day (day 0 is launch day): users per stage at the day's end, then sent and suppressed per channel. */
export function daysCsv(report: SimulationReport): string {
  const header = ['day', ...stages, ...channels.flatMap((channel) => [`${channel}:sent`, `${channel}:suppressed`])];
  const rows = Array.from({ length: dayCount(report) }, (_, day) => [
    day,
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
