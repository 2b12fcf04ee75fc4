// Exit on goal in the journey's analysis (issue 15): a goal users jump to is reachable without an edge,
// and a branch asking whether users did the goal's event lately, where exit on goal has already moved
// everyone who did, is reported — and the runs agree that no user takes it.
import { validate } from '../../src/core/journey/validate';
import type { JourneyDocumentInput } from '../../src/core/journey/schema';
import { simulate } from '../../src/core/sim/engine/simulate';
import { ecommercePreset } from '../../src/core/cohort/presets/ecommerce';
import { edge, node } from '../fixtures/journeys';
import { inChinese, inEnglish } from '../support/messages';

type Node = ReturnType<typeof node>;

/**
 * Everyone enters at launch, waits up to a week for a purchase, then `pause` (a 7-day wait by default),
 * then a branch on `cases`; a goal on purchase stands apart, reached only by exit on goal.
 */
function journey({ cases, pause = [node('pause', 'wait', { duration: 'P7D' })], exitOnGoal = true, goalEvent = 'purchase' }: { cases: unknown[]; pause?: Node[]; exitOnGoal?: boolean; goalEvent?: string }): JourneyDocumentInput {
  const chain = [node('start', 'entry', { trigger: { type: 'audience' } }), node('firstBuy', 'waitForEvent', { event: 'purchase', timeout: 'P7D' }), ...pause, node('bought', 'branch', { cases: cases.map((condition, index) => ({ label: `Case ${index + 1}`, condition })) })];
  const ports = ['else', ...cases.map((_, index) => `case-${index + 1}`)];
  return {
    schemaVersion: 6,
    id: 'exit-on-goal',
    name: 'Exit on goal',
    settings: { exitOnGoal, frequencyCap: null, quietHours: null },
    nodes: [...chain, ...ports.map((port) => node(`out-${port}`, 'exit')), node('order', 'goal', { goal: 'Order', event: goalEvent }, 'usage'), node('ordered', 'exit', {}, 'usage')],
    edges: [
      edge('start', 'next', 'firstBuy'),
      edge('firstBuy', 'happened', chain[2]!.id),
      edge('firstBuy', 'timeout', chain[2]!.id),
      ...chain.slice(3).map((next, index) => edge(chain[index + 2]!.id, 'next', next.id)),
      ...ports.map((port) => edge('bought', port, `out-${port}`)),
      edge('order', 'next', 'ordered'),
    ],
  };
}

const boughtLately = { event: 'purchase', within: 'P7D', op: '>=', count: 1 };
const unreachable = (input: JourneyDocumentInput) => validate(input).filter((problem) => problem.code === 'exit-on-goal-unreachable');

describe('a goal reached through exit on goal', () => {
  it('is not reported unreachable, nor what follows it', () => {
    const codes = validate(journey({ cases: [] })).map((problem) => `${problem.code} ${problem.location.nodeId ?? ''}`);
    expect(codes.filter((code) => code.startsWith('unreachable-node'))).toEqual([]);
  });

  it('is reported unreachable without exit on goal, where nothing leads to it', () => {
    const codes = validate(journey({ cases: [], exitOnGoal: false })).map((problem) => `${problem.code} ${problem.location.nodeId ?? ''}`);
    expect(codes.filter((code) => code.startsWith('unreachable-node'))).toEqual(['unreachable-node order', 'unreachable-node ordered']);
  });
});

describe('exit-on-goal-unreachable', () => {
  it('reports a case needing the goal’s event within the time every user has spent since, in both languages', async () => {
    const input = journey({ cases: [boughtLately] });
    const [found, ...more] = unreachable(input);
    expect(more).toEqual([]);
    expect(found).toMatchObject({ severity: 'warning', location: { nodeId: 'bought', path: ['nodes', 3] } });
    expect(inEnglish(found!.message)).toBe(
      'Case “Case 1” ("Purchased" ≥ 1× in 7 d) of "bought" (bought) never holds, because with exit on goal, doing “Purchased” in the journey moves a user straight to the goal "order" (order): nobody who reaches "bought" (bought) has done it in the last 7 d.',
    );
    expect(inChinese(found!.message)).toContain('达成目标即退出');
    // The runs agree: nobody takes the case, while the journey is busy.
    for (const engine of ['fast', 'reference'] as const) {
      const { report } = await simulate({ journey: input, cohort: ecommercePreset.spec, users: 1_500, seed: 3, engine });
      const branch = report.nodes.find((candidate) => candidate.id === 'bought')!;
      expect(branch.users).toBeGreaterThan(1_000);
      expect(branch.ports['case-1']).toBe(0);
      expect(report.nodes.find((candidate) => candidate.id === 'order')!.users).toBeGreaterThan(0);
    }
  }, 60_000);

  it('reports "else" after a case that then always holds', () => {
    const [found, ...more] = unreachable(journey({ cases: [{ event: 'purchase', within: 'P3D', op: '=', count: 0 }] }));
    expect(more).toEqual([]);
    expect(inEnglish(found!.message)).toMatch(/^“else” of "bought" \(bought\) is never taken: a case before it always holds there, because with exit on goal/);
  });

  it('is not reported where a user may still have done it', () => {
    // A window longer than the quiet time reaches back to the wait, which takes a purchase without the jump.
    expect(unreachable(journey({ cases: [{ ...boughtLately, within: 'P8D' }] }))).toEqual([]);
    // Without exit on goal, nothing moves buyers on.
    expect(unreachable(journey({ cases: [boughtLately], exitOnGoal: false }))).toEqual([]);
    // A goal on another event moves nobody who buys.
    expect(unreachable(journey({ cases: [boughtLately], goalEvent: 'visit' }))).toEqual([]);
    // A wait for the purchase just before the branch lets buyers through to it.
    expect(unreachable(journey({ cases: [boughtLately], pause: [node('pause', 'wait', { duration: 'P7D' }), node('again', 'waitForEvent', { event: 'purchase', timeout: 'P1D' })] }))).toEqual([]);
  });

  it('is not reported after the goal itself, where its event moves nobody any more', () => {
    const input = journey({ cases: [boughtLately] });
    // The goal leads into the pause: users past the goal may buy without moving.
    input.edges = input.edges!.map((candidate) => (candidate.source === 'order' ? { ...candidate, target: 'pause' } : candidate));
    expect(unreachable(input)).toEqual([]);
  });
});
