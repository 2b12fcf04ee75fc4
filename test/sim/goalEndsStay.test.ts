import { validate } from '../../src/core/journey/validate';
import { runRange, engines } from '../../src/core/sim/engine/runRange';
import { buildReport } from '../../src/core/sim/engine/report';
import type { JourneyDocumentInput } from '../../src/core/journey/schema';
import { edge, node } from '../fixtures/journeys';
import { cohort, model } from './support';

/**
 * A goal is an ending in itself (issue 17): its "next" port is optional. Left unconnected, it raises
 * no warning, and the user's stay ends at the goal in both engines — reported as an exit at the goal,
 * not as a dead end through an unconnected port.
 */

/** Entry → wait up to 30 days for a purchase → goal with nothing after it; the timeout leads to an exit. */
function goalWithNothingAfter(): JourneyDocumentInput {
  return {
    schemaVersion: 6,
    id: 'goal-last',
    name: 'Goal last',
    settings: { quietHours: null, frequencyCap: null, horizon: 'P30D' },
    nodes: [
      node('start', 'entry', { trigger: { type: 'audience' } }),
      node('bought', 'waitForEvent', { event: 'purchase', timeout: 'P20D' }),
      node('won', 'goal', { goal: 'Order', event: 'purchase' }),
      node('out', 'exit', { reason: 'no order' }),
    ],
    edges: [edge('start', 'next', 'bought'), edge('bought', 'happened', 'won'), edge('bought', 'timeout', 'out')],
  };
}

describe('a goal with nothing after it', () => {
  it('raises no unconnected-port warning, while other unconnected ports still do', () => {
    const journey = goalWithNothingAfter();
    expect(validate(journey).filter((problem) => problem.code === 'unconnected-port')).toEqual([]);
    journey.edges = journey.edges!.filter((candidate) => candidate.sourcePort !== 'timeout');
    expect(validate(journey).filter((problem) => problem.code === 'unconnected-port').map((problem) => problem.location.nodeId)).toEqual(['bought']);
  });

  it('ends the stay at the goal in both engines, alike, with no dead ends', () => {
    const m = model(goalWithNothingAfter(), cohort(), 400);
    const runs = engines.map((engine) => runRange(m, engine, 0, m.users, { trace: () => true }));
    const [fast, reference] = runs;
    let converted = 0;
    for (let user = 0; user < m.users; user++) {
      const trace = fast!.traces.get(user)!;
      expect(trace).toEqual(reference!.traces.get(user));
      const goalAt = trace.findIndex((entry) => entry.type === 'goal');
      if (goalAt < 0) continue;
      converted++;
      // Right after the goal the user leaves, at the goal itself, without going through any port.
      const after = trace.slice(goalAt + 1).filter((entry) => entry.type === 'exit' || entry.type === 'port' || entry.type === 'enter');
      expect(after[0]).toMatchObject({ type: 'exit', node: 'won', reason: '' });
    }
    // The case must reach the goal to mean anything.
    expect(converted).toBeGreaterThan(20);
    const meta = { engine: 'fast' as const, seed: m.seed };
    const reports = runs.map((run) => buildReport(m, [run.counters], meta));
    expect(reports[0]!.deadEnds).toBe(0);
    expect(JSON.stringify(reports[0])).toBe(JSON.stringify(reports[1]));
  });
});
