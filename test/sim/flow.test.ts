// Flow along the journey's edges, from real runs: every edge carries its source port's count, the
// Sankey data leaves out edges nobody took, and a journey that loops back gets an acyclic diagram with
// its loops listed apart.
import { flowOf, type JourneyFlow } from '../../src/core/sim/analysis/flow';
import { checkSimulation, simulate } from '../../src/core/sim/engine/simulate';
import type { SimulationReport } from '../../src/core/sim/engine/report';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { getPreset } from '../../src/core/cohort/presets';
import { getTemplate } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { edge, node, validJourney } from '../fixtures/journeys';
import { inEnglish } from '../support/messages.ts';

async function run(input: unknown, users = 1_500): Promise<{ journey: JourneyDocument; report: SimulationReport }> {
  const request = { journey: input, cohort: getPreset('ecommerce')!.spec, users, seed: 3 };
  const checked = checkSimulation(request);
  if (!checked.ok) throw new Error(`does not simulate: ${checked.problems.map((problem) => inEnglish(problem.message)).join('; ')}`);
  return { journey: checked.checked.journey, report: (await simulate(request)).report };
}

/** Whether the links can be put in an order where every link goes forward (what ECharts requires). */
function acyclic(flow: JourneyFlow): boolean {
  const incoming = new Map(flow.sankey.nodes.map((node) => [node.id, 0]));
  for (const link of flow.sankey.links) incoming.set(link.target, (incoming.get(link.target) ?? 0) + 1);
  const ready = [...incoming].filter(([, count]) => count === 0).map(([id]) => id);
  let placed = 0;
  while (ready.length > 0) {
    const id = ready.pop()!;
    placed += 1;
    for (const link of flow.sankey.links.filter((candidate) => candidate.source === id)) {
      const left = incoming.get(link.target)! - 1;
      incoming.set(link.target, left);
      if (left === 0) ready.push(link.target);
    }
  }
  return placed === flow.sankey.nodes.length;
}

const portCount = (report: SimulationReport, nodeId: string, port: string) => report.nodes.find((node) => node.id === nodeId)!.ports[port]!;

describe('flowOf', { timeout: 60_000 }, () => {
  it('gives each edge its source port’s count, and the Sankey diagram only the edges taken', async () => {
    const { journey, report } = await run(instantiateTemplate(getTemplate('churn-win-back')!, 'en'));
    const flow = flowOf(journey, report);
    expect(flow.edges).toHaveLength(journey.edges.length);
    for (const edge of flow.edges) expect(edge.count).toBe(portCount(report, edge.source, edge.sourcePort));
    const split = flow.edges.filter((edge) => edge.source === 'holdoutSplit').reduce((sum, edge) => sum + edge.count, 0);
    expect(split).toBe(report.nodes.find((node) => node.id === 'holdoutSplit')!.entries);
    expect(flow.max).toBe(Math.max(...flow.edges.map((edge) => edge.count)));
    const first = journey.edges.find((candidate) => candidate.source === 'churnWarning')!;
    expect(flow.byEdge.get(first.id)).toBe(portCount(report, 'churnWarning', 'next'));

    expect(flow.loops).toEqual([]);
    expect(flow.sankey.links.every((link) => link.value > 0)).toBe(true);
    expect(flow.sankey.links).toHaveLength(flow.edges.filter((edge) => edge.count > 0).length);
    // Labels may repeat (three "Returns within 7 days?"): nodes are told apart by id.
    const ladder = flow.sankey.nodes.filter((node) => node.label === 'Returns within 7 days?');
    expect(new Set(ladder.map((node) => node.id)).size).toBe(ladder.length);
    expect(acyclic(flow)).toBe(true);
  });

  it('leaves nodes nobody reached out of the diagram', async () => {
    const input = validJourney();
    // A branch arm nobody can take: the push goes to an exit, the second exit is never reached.
    input.nodes.push(node('never', 'exit', { reason: 'never' }));
    const { journey, report } = await run(input);
    const flow = flowOf(journey, report);
    expect(flow.sankey.nodes.map((node) => node.id)).not.toContain('never');
    expect(flow.sankey.nodes.map((node) => node.id)).toContain('start');
  });

  it('leaves a loop back to an earlier node out of the diagram and lists it', async () => {
    const template = instantiateTemplate(getTemplate('churn-win-back')!, 'en');
    // After the last coupon, go round the ladder again instead of giving up.
    const looping = { ...template, edges: template.edges!.map((candidate) => (candidate.source === 'ladder3Wait' && candidate.sourcePort === 'timeout' ? { ...candidate, target: 'ladder1' } : candidate)) };
    const { journey, report } = await run(looping);
    const flow = flowOf(journey, report);
    const back = journey.edges.find((candidate) => candidate.source === 'ladder3Wait' && candidate.sourcePort === 'timeout')!;
    expect(flow.loops.map((loop) => loop.edgeId)).toEqual([back.id]);
    expect(flow.loops[0]!.count).toBe(portCount(report, 'ladder3Wait', 'timeout'));
    expect(flow.loops[0]!.count).toBeGreaterThan(0);
    expect(flow.sankey.links.map((link) => link.edgeId)).not.toContain(back.id);
    // The edge stays on the canvas with its count.
    expect(flow.byEdge.get(back.id)).toBe(flow.loops[0]!.count);
    expect(acyclic(flow)).toBe(true);
  });

  it('lists a wait that loops to itself', async () => {
    const input = validJourney();
    input.nodes = input.nodes.filter((candidate) => candidate.id !== 'remind' && candidate.id !== 'giveUp');
    input.edges = [...input.edges.filter((candidate) => candidate.source !== 'remind' && candidate.sourcePort !== 'timeout'), edge('waitBuy', 'timeout', 'waitBuy')];
    const { journey, report } = await run(input, 500);
    const flow = flowOf(journey, report);
    expect(flow.loops.map((loop) => loop.edgeId)).toEqual(['waitBuy-timeout']);
    // Users wait day after day: more passes round the loop than users.
    expect(flow.loops[0]!.count).toBeGreaterThan(report.entered);
    expect(flow.sankey.links.map((link) => link.edgeId).sort()).toEqual(['bought-next', 'start-next', 'waitBuy-happened']);
    expect(acyclic(flow)).toBe(true);
  });

  it('counts a port once when a second edge leaves it (the engine follows the first)', async () => {
    const { journey, report } = await run(validJourney());
    const doubled: JourneyDocument = { ...journey, edges: [...journey.edges, { id: 'again', source: 'waitBuy', sourcePort: 'timeout', target: 'giveUp' }] };
    const flow = flowOf(doubled, report);
    expect(flow.byEdge.get('waitBuy-timeout')).toBe(portCount(report, 'waitBuy', 'timeout'));
    expect(flow.byEdge.get('again')).toBe(0);
    expect(flow.sankey.links.map((link) => link.edgeId)).not.toContain('again');
  });

  it('gives nothing to an edge from an unknown port', async () => {
    const { journey, report } = await run(validJourney());
    const flow = flowOf({ ...journey, edges: [...journey.edges, { id: 'odd', source: 'start', sourcePort: 'nowhere', target: 'giveUp' }] }, report);
    expect(flow.byEdge.get('odd')).toBe(0);
  });
});
