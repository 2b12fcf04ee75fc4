import type { SimulationReport } from '../sim/engine/report';
import type { ChallengeMetric } from './schema';

/** A figure of a report, or null when the report has none (the lift of a journey without a holdout, an unknown node). */
export function metricValue(report: SimulationReport, metric: ChallengeMetric, node?: string): number | null {
  switch (metric) {
    case 'incrementalConversions':
      return report.incremental.conversions.value;
    case 'incrementalRevenue':
      return report.incremental.revenue.value;
    case 'incrementalRoi':
      return report.incremental.roi.value;
    case 'conversionRate':
      return report.conversionRate.value;
    case 'converted':
      return report.converted;
    case 'entered':
      return report.entered;
    case 'cac':
      return report.cac.value;
    case 'cost':
      return report.cost.total;
    case 'revenue':
      return report.attributedRevenue;
    case 'roi':
      return report.attributedRoi.value;
    case 'lift':
      return report.lift ? report.lift.difference.value : null;
    case 'unsubscribes':
      return Object.values(report.unsubscribes).reduce((sum, count) => sum + count, 0);
    case 'suppressed':
      return report.operations.suppressed;
    case 'nodeUsers':
      return report.nodes.find((candidate) => candidate.id === node)?.users ?? null;
  }
}
