import { message, type Message } from '../../i18n';
import { channelCost, channelInfo, channels, type Channel } from '../../journey/channels';
import type { JourneyDocument } from '../../journey/schema';
import { defaultRegistry, type Registry } from '../../journey/registry';
import { MAX_PRICE_ELASTICITY, type CohortSpec } from '../../cohort/schema';
import type { SimulationReport } from '../engine/report';
import { checkSimulation, simulateChecked, SimulationError, type CheckedSimulation, type SimulateOptions } from '../engine/simulate';

/**
 * Sensitivity: how a forecast moves when one assumption moves. An assumption is a number of the cohort
 * or the journey (a channel's click rate in every segment, the lift of a click, a channel's cost…) that
 * a run can be scaled on. A sweep runs the same users with the same seed at each value (common random
 * numbers), so the curve shows the assumption's effect and not fresh noise at every point; a tornado
 * moves each assumption down and up by the same factor and ranks them by how far the figure swings.
 */

export interface Assumption {
  id: string;
  name: Message;
  /** The inputs with the assumption multiplied by `factor` (probabilities capped at 1). */
  apply(inputs: { journey: JourneyDocument; cohort: CohortSpec }, factor: number): { journey: JourneyDocument; cohort: CohortSpec };
}

const capped = (value: number) => Math.min(1, value);

function responseAssumption(channel: Channel, field: 'open' | 'click'): Assumption {
  const what = field === 'open' ? message('core.sim.analysis.sensitivity.openRate') : message('core.sim.analysis.sensitivity.clickRate');
  return {
    id: `${channel}.${field}`,
    name: message('core.sim.analysis.sensitivity.text', { name: channelInfo[channel].name, what }),
    apply: ({ journey, cohort }, factor) => ({
      journey,
      cohort: {
        ...cohort,
        segments: cohort.segments.map((segment) => {
          const response = segment.behaviour.response[channel];
          if (!response) return segment;
          return { ...segment, behaviour: { ...segment.behaviour, response: { ...segment.behaviour.response, [channel]: { ...response, [field]: capped(response[field] * factor) } } } };
        }),
      },
    }),
  };
}

/** What the cohort format allows each lift to be: a sweep past it would be a cohort no run accepts. */
const ceiling = { clickLift: Infinity, priceElasticity: MAX_PRICE_ELASTICITY };

function behaviourAssumption(id: 'clickLift' | 'priceElasticity', name: Message): Assumption {
  return {
    id,
    name,
    apply: ({ journey, cohort }, factor) => ({
      journey,
      cohort: { ...cohort, segments: cohort.segments.map((segment) => ({ ...segment, behaviour: { ...segment.behaviour, [id]: Math.min(ceiling[id], segment.behaviour[id] * factor) } })) },
    }),
  };
}

const purchaseRate: Assumption = {
  id: 'purchaseRate',
  name: message('core.sim.analysis.sensitivity.baselinePurchaseRate'),
  // The mean rate is r/α: dividing α scales it, leaving the spread's shape alone.
  apply: ({ journey, cohort }, factor) => ({
    journey,
    cohort: {
      ...cohort,
      segments: cohort.segments.map((segment) => ({
        ...segment,
        behaviour: { ...segment.behaviour, purchase: { ...segment.behaviour.purchase, alpha: segment.behaviour.purchase.alpha / factor } },
      })),
    },
  }),
};

const orderValue: Assumption = {
  id: 'orderValue',
  name: message('core.sim.analysis.sensitivity.averageOrderValue'),
  // The mean order is p·γ/(q − 1): scaling γ scales every order.
  apply: ({ journey, cohort }, factor) => ({
    journey,
    cohort: {
      ...cohort,
      segments: cohort.segments.map((segment) => ({
        ...segment,
        behaviour: { ...segment.behaviour, orderValue: { ...segment.behaviour.orderValue, gamma: segment.behaviour.orderValue.gamma * factor } },
      })),
    },
  }),
};

function costAssumption(channel: Channel): Assumption {
  return {
    id: `${channel}.cost`,
    name: message('core.sim.analysis.sensitivity.costPerTouch', { name: channelInfo[channel].name }),
    apply: ({ journey, cohort }, factor) => ({
      cohort,
      journey: {
        ...journey,
        settings: { ...journey.settings, channelCosts: { ...journey.settings.channelCosts, [channel]: channelCost(channel, journey.settings.channelCosts) * factor } },
      },
    }),
  };
}

/** The assumptions worth moving for a journey: responses and costs of the channels it sends on, lifts, purchases. */
export function assumptionsFor(journey: JourneyDocument, registry: Registry = defaultRegistry): Assumption[] {
  // The channels its touching kinds send on (NodeKindDefinition.channel).
  const sent = new Set(journey.nodes.map((node) => registry.get(node.kind)?.channel?.(node.params)));
  const used = channels.filter((channel) => sent.has(channel));
  return [
    ...used.flatMap((channel) => [responseAssumption(channel, 'open'), responseAssumption(channel, 'click'), costAssumption(channel)]),
    behaviourAssumption('clickLift', message('core.sim.analysis.sensitivity.purchaseLiftAfterAClick')),
    behaviourAssumption('priceElasticity', message('core.sim.analysis.sensitivity.priceElasticity')),
    purchaseRate,
    orderValue,
  ];
}

export type Figure = (report: SimulationReport) => number;

/**
 * The figures a sweep or tornado can follow, incremental ones first: what the journey adds over each
 * user's twin. ROI figures are ratios (0.25 = 25 %) shown as percentages (`figureUnits`).
 */
export const figures = {
  incrementalRoi: (report) => report.incremental.roi.value,
  incrementalRevenue: (report) => report.incremental.revenue.value,
  incrementalConversions: (report) => report.incremental.conversions.value,
  conversionRate: (report) => report.conversionRate.value,
  attributedRevenue: (report) => report.attributedRevenue,
  attributedRoi: (report) => report.attributedRoi.value,
  cost: (report) => report.cost.total,
  cac: (report) => report.cac.value,
} satisfies Record<string, Figure>;
export type FigureName = keyof typeof figures;

/** What a sweep or tornado follows unless the user picks another figure: the journey's incremental ROI. */
export const DEFAULT_FIGURE: FigureName = 'incrementalRoi';

/** percent: a ratio or proportion shown as a percentage; money: the journey's currency; count: users. */
export type FigureUnit = 'percent' | 'money' | 'count';

export const figureUnits: Record<FigureName, FigureUnit> = {
  incrementalRoi: 'percent',
  incrementalRevenue: 'money',
  incrementalConversions: 'count',
  conversionRate: 'percent',
  attributedRevenue: 'money',
  attributedRoi: 'percent',
  cost: 'money',
  cac: 'money',
};

/** The figure at each factor, in order, on the same users and seed. */
export async function sweep(
  checked: CheckedSimulation,
  assumption: Assumption,
  factors: readonly number[],
  figure: FigureName = DEFAULT_FIGURE,
  options: SimulateOptions = {},
): Promise<{ factor: number; value: number; report: SimulationReport }[]> {
  const results = [];
  for (const factor of factors) {
    const { journey, cohort } = assumption.apply({ journey: checked.journey, cohort: checked.cohort }, factor);
    // Moved inputs are new inputs: each point is a run of its own and passes the run's gate once.
    const point = checkSimulation({ ...checked, journey, cohort });
    if (!point.ok) throw new SimulationError(point.problems);
    const { report } = await simulateChecked(point.checked, options);
    results.push({ factor, value: figures[figure](report), report });
  }
  return results;
}

export interface TornadoBar {
  assumption: Assumption;
  low: number;
  high: number;
  /** |high − low|: how far the figure moves over the range. */
  swing: number;
}

/** Each assumption at `1 − spread` and `1 + spread` (same users and seed), ranked by swing, largest first. */
export async function tornado(
  checked: CheckedSimulation,
  assumptions: readonly Assumption[],
  figure: FigureName = DEFAULT_FIGURE,
  spread = 0.2,
  options: SimulateOptions = {},
): Promise<{ base: number; bars: TornadoBar[] }> {
  const base = figures[figure]((await simulateChecked(checked, options)).report);
  const bars: TornadoBar[] = [];
  for (const assumption of assumptions) {
    const [low, high] = (await sweep(checked, assumption, [1 - spread, 1 + spread], figure, options)).map((point) => point.value);
    bars.push({ assumption, low: low!, high: high!, swing: Math.abs(high! - low!) });
  }
  bars.sort((a, b) => b.swing - a.swing);
  return { base, bars };
}
