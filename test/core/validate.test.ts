import { validate, problemCatalogue, checkJourney } from '../../src/core/journey/validate';
import { problemFixtures, validJourney, node, edge, withNode } from '../fixtures/journeys';
import { inEnglish, inChinese } from '../support/messages.ts';

const codes = (input: unknown) => validate(input).map((problem) => problem.code);

describe('validate', () => {
  it('finds no error and no warning in the valid baseline journey', () => {
    const problems = validate(validJourney());
    expect(problems.filter((problem) => problem.severity !== 'info')).toEqual([]);
    expect(problems.map((problem) => problem.code)).toEqual(['path-summary']);
  });

  it('has one failing fixture for every problem code', () => {
    expect(Object.keys(problemFixtures).sort()).toEqual(Object.keys(problemCatalogue()).sort());
  });

  for (const [code, fixture] of Object.entries(problemFixtures)) {
    it(`raises ${code} for its fixture, with the catalogue's severity and both languages`, () => {
      const problems = validate(fixture).filter((problem) => problem.code === code);
      expect(problems.length).toBeGreaterThan(0);
      for (const problem of problems) {
        expect(problem.severity).toBe(problemCatalogue()[code]!.severity);
        expect(inEnglish(problem.message).length).toBeGreaterThan(5);
        expect(inChinese(problem.message)).toMatch(/[\u4e00-\u9fff]/);
        expect(Array.isArray(problem.location.path)).toBe(true);
      }
    });
  }

  it('locates schema problems by node id and JSON path', () => {
    const journey = withNode('remind', node('remind', 'message', { channel: 'fax' }));
    const [problem] = validate(journey);
    expect(problem).toMatchObject({ code: 'schema-invalid', location: { nodeId: 'remind', path: ['nodes', 4, 'params', 'channel'] } });
  });

  it('reports every zod issue, not just the first', () => {
    const journey = { ...validJourney(), name: '', nodes: [node('start', 'entry', {}, 'nowhere' as 'decision')] };
    expect(codes(journey).filter((code) => code === 'schema-invalid').length).toBeGreaterThanOrEqual(2);
  });

  it('names the nodes of an instant loop', () => {
    const problem = validate(problemFixtures['instant-loop']).find((candidate) => candidate.code === 'instant-loop');
    expect(inEnglish(problem?.message)).toContain('remind');
    expect(inEnglish(problem?.message)).toContain('mark');
  });

  it('does not call a loop through a wait an instant loop', () => {
    const journey = validJourney();
    journey.nodes.push(node('pause', 'wait', { duration: 'P2D' }));
    journey.edges = journey.edges.filter((candidate) => candidate.id !== 'remind-next');
    journey.edges.push(edge('remind', 'next', 'pause'), edge('pause', 'next', 'waitBuy'));
    journey.settings = { frequencyCap: null };
    expect(codes(journey)).not.toContain('instant-loop');
  });

  it('does not flag a cap that waits respect', () => {
    const journey = validJourney();
    journey.settings = { frequencyCap: { touches: 1, window: 'P1D' } };
    journey.nodes.push(node('pause', 'wait', { duration: 'P2D' }), node('again', 'message', { channel: 'sms' }));
    journey.edges = journey.edges.filter((candidate) => candidate.id !== 'remind-next');
    journey.edges.push(edge('remind', 'next', 'pause'), edge('pause', 'next', 'again'), edge('again', 'next', 'giveUp'));
    expect(codes(journey)).not.toContain('frequency-cap-exceeded');
  });

  it('accepts non-overlapping branch cases and flags only the shadowed one', () => {
    const journey = withNode(
      'remind',
      node('remind', 'branch', {
        cases: [
          { condition: { rfm: 'monetary', op: '>=', score: 4 } },
          { condition: { rfm: 'monetary', op: '>=', score: 2 } },
          { condition: { all: [{ rfm: 'monetary', op: '>=', score: 3 }, { tag: 'vip', present: true }] } },
          { condition: { segment: 'students' } },
        ],
      }),
    );
    const shadowed = validate(journey).filter((problem) => problem.code === 'branch-case-shadowed');
    expect(shadowed.map((problem) => problem.location.path)).toEqual([['nodes', 4, 'params', 'cases', 2, 'condition']]);
  });

  it('returns the parsed document with defaults filled in', () => {
    const { document } = checkJourney(validJourney());
    expect(document?.settings.horizon).toBe('P90D');
    expect(document?.nodes[4]?.params).toEqual({ channel: 'push', content: '' });
  });

  it('reports an unsupported version alone, naming both versions', () => {
    const problems = validate({ ...validJourney(), schemaVersion: 7 });
    expect(problems).toHaveLength(1);
    expect(inEnglish(problems[0]!.message)).toMatch(/version 7.*\(1–6\)/);
  });
});
