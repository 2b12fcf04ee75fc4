import { validate } from '../../src/core/journey/validate';
import { fastLoopProblems } from '../../src/core/journey/fastLoops';
import type { Problem } from '../../src/core/journey/problems';
import { edge, node, problemFixtures, validJourney } from '../fixtures/journeys';
import { inBoth, inEnglish, inChinese } from '../support/messages.ts';

/**
 * Issue 12, item 5: `tag → wait PT0.001S → tag` passed validation and kept a run busy for minutes.
 * Validation now warns of every loop whose waits add up to less than a minute (`loop-too-fast`).
 */

type Node = ReturnType<typeof node>;
type Edge = ReturnType<typeof edge>;

/** The valid baseline journey with the remind message leading into the given nodes and edges instead of giving up. */
function withLoop(nodes: Node[], edges: Edge[]) {
  const journey = validJourney();
  journey.settings = { frequencyCap: null };
  journey.nodes.push(...nodes);
  journey.edges = journey.edges.filter((candidate) => candidate.id !== 'remind-next');
  journey.edges.push(edge('remind', 'next', nodes[0]!.id), ...edges);
  return journey;
}

const fastLoops = (input: unknown): Problem[] => validate(input).filter((problem) => problem.code === 'loop-too-fast');
const wait = (id: string, duration: string) => node(id, 'wait', { duration });
const tag = (id: string) => node(id, 'tag', { action: 'add', tag: id });

describe('loop-too-fast', () => {
  it('warns of the issue’s loop (tag → wait 1 ms → tag), naming its nodes, what its waits add up to, in both languages', () => {
    const problems = validate(problemFixtures['loop-too-fast']);
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const [problem, ...more] = problems.filter((found) => found.code === 'loop-too-fast');
    expect(more).toEqual([]);
    expect(problem).toMatchObject({ severity: 'warning', location: { nodeId: 'mark', path: ['nodes', 6] } });
    expect(inEnglish(problem!.message)).toContain('mark → blink');
    expect(inEnglish(problem!.message)).toContain('1 ms');
    expect(inEnglish(problem!.message)).toContain('86,400,000 times a day');
    expect(inChinese(problem!.message)).toMatch(/循环 mark → blink 中的等待合计只有 1毫秒/);
    expect(inChinese(fastLoopProblems['loop-too-fast'].title)).toMatch(/[\u4e00-\u9fff]/);
  });

  it('draws the line at a minute: 59 s warns, 60 s and a day do not', () => {
    const loop = (duration: string) => withLoop([tag('mark'), wait('pause', duration)], [edge('mark', 'next', 'pause'), edge('pause', 'next', 'mark')]);
    expect(fastLoops(loop('PT59S')).map((problem) => inEnglish(problem.message))).toEqual([expect.stringContaining('add up to only 59 s')]);
    expect(fastLoops(loop('PT60S'))).toEqual([]);
    expect(fastLoops(loop('P1D'))).toEqual([]);
  });

  it('adds up the waits along the loop', () => {
    const loop = (first: string, second: string) =>
      withLoop(
        [tag('mark'), wait('one', first), node('again', 'message', { channel: 'sms' }), wait('two', second)],
        [edge('mark', 'next', 'one'), edge('one', 'next', 'again'), edge('again', 'next', 'two'), edge('two', 'next', 'mark')],
      );
    expect(fastLoops(loop('PT30S', 'PT29S'))).toHaveLength(1);
    expect(fastLoops(loop('PT30S', 'PT30S'))).toEqual([]);
  });

  it('names the quickest loop of a tangle, once', () => {
    // mark → quick (1 s) → mark and mark → slow (1 d) → mark share a node: one tangle, one warning.
    const journey = withLoop(
      [tag('mark'), node('pick', 'split', { variants: [{ label: 'A', weight: 50 }, { label: 'B', weight: 50 }] }), wait('quick', 'PT1S'), wait('slow', 'P1D')],
      [edge('mark', 'next', 'pick'), edge('pick', 'variant-1', 'quick'), edge('pick', 'variant-2', 'slow'), edge('quick', 'next', 'mark'), edge('slow', 'next', 'mark')],
    );
    const errors = validate(journey).filter((problem) => problem.severity === 'error');
    expect(errors).toEqual([]);
    const found = fastLoops(journey);
    expect(found).toHaveLength(1);
    expect(inEnglish(found[0]!.message)).toContain('mark → pick → quick add up to only 1 s');
  });

  it('warns of a wait that loops to itself', () => {
    const journey = withLoop([wait('blink', 'PT0.5S')], [edge('blink', 'next', 'blink')]);
    expect(fastLoops(journey).map((problem) => problem.location.nodeId)).toEqual(['blink']);
  });

  it('counts a wait-for-event’s timeout, but leaves loops through an event the user does alone', () => {
    const loop = (port: 'happened' | 'timeout', timeout: string) =>
      withLoop(
        [tag('mark'), node('listen', 'waitForEvent', { event: 'visit', timeout })],
        [edge('mark', 'next', 'listen'), edge('listen', port, 'mark'), edge('listen', port === 'happened' ? 'timeout' : 'happened', 'giveUp')],
      );
    expect(fastLoops(loop('timeout', 'PT10S'))).toHaveLength(1);
    expect(fastLoops(loop('timeout', 'PT1H'))).toEqual([]);
    expect(fastLoops(loop('happened', 'PT10S'))).toEqual([]);
  });

  it('leaves a loop without any wait to instant-loop', () => {
    const codes = validate(problemFixtures['instant-loop']).map((problem) => problem.code);
    expect(codes).toContain('instant-loop');
    expect(codes).not.toContain('loop-too-fast');
  });

  it('names only the first few nodes of an instant loop of thousands, with the longest labels', () => {
    const count = 4_900; // with the baseline's nodes, just under the 5,000 a journey may have
    const ring = Array.from({ length: count }, (_, index) => ({ ...tag(`t${index}`), label: `${index}`.padEnd(200, '.') }));
    const edges = ring.map((current, index) => edge(current.id, 'next', ring[(index + 1) % count]!.id));
    const problem = validate(withLoop(ring, edges)).find((candidate) => candidate.code === 'instant-loop');
    expect(inEnglish(problem!.message)).toMatch(/^Loop without any wait: "0\.+" \(t0\) → "1\.+" \(t1\) → .* → "11\.+" \(t11\) → … and 4,888 more nodes\. A user/);
    expect(inChinese(problem!.message)).toContain('(t11) → …以及另外 4,888 个节点。');
    for (const text of Object.values(inBoth(problem!.message))) expect(text.length).toBeLessThan(3_000);
  });

  it('copes with a loop of thousands of nodes, naming only its first few', () => {
    const count = 2_000;
    const ring = Array.from({ length: count }, (_, index) => (index % 2 === 0 ? tag(`t${index}`) : wait(`w${index}`, 'PT0.01S')));
    const edges = ring.map((current, index) => edge(current.id, 'next', ring[(index + 1) % count]!.id));
    const [problem, ...more] = fastLoops(withLoop(ring, edges));
    expect(more).toEqual([]);
    expect(inEnglish(problem!.message)).toContain('t0 → w1 → t2 → w3 → t4 → w5 → t6 → w7 → t8 → w9 → t10 → w11 → … and 1,988 more nodes add up');
    expect(inChinese(problem!.message)).toContain('w11 → …以及另外 1,988 个节点');
    expect(inEnglish(problem!.message).length).toBeLessThan(1_000);
    // The same ring with a second per wait takes 1,000 s a round: no warning.
    const slow = ring.map((current) => (current.kind === 'wait' ? wait(current.id, 'PT1S') : current));
    expect(fastLoops(withLoop(slow, edges))).toEqual([]);
  });
});
