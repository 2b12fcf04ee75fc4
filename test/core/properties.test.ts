import fc from 'fast-check';
import { validate } from '../../src/core/journey/validate';
import { compileJourneyInput } from '../../src/core/compile/toMachine';
import { runScripted } from '../support/scriptedRun';
import { isSatisfiable, implies } from '../../src/core/journey/conditionLogic';
import { evaluateCondition } from '../../src/core/journey/condition';
import { validJourney } from '../fixtures/journeys';
import { conditionArbitrary, factsArbitrary, journeyArbitrary } from '../support/arbitraries';
import { inEnglish, inChinese } from '../support/messages.ts';

const DAY = 86_400_000;
const events = ['purchase', 'click', 'visit', 'add_to_cart'] as const;

describe('properties', () => {
  it('validate never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(Array.isArray(validate(input))).toBe(true);
        expect(Array.isArray(validate({ schemaVersion: 1, id: 'x', name: 'x', nodes: input, edges: input }))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('validate never throws on mutated valid journeys, and always explains errors', () => {
    const base = validJourney() as unknown as Record<string, unknown>;
    const paths = ['nodes.0.params', 'nodes.1.params.timeout', 'nodes.2.kind', 'edges.0.target', 'edges.1.sourcePort', 'settings.frequencyCap', 'nodes', 'edges.2', 'schemaVersion', 'nodes.4.stage'];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.anything(), (path, value) => {
        const mutated = structuredClone(base);
        const keys = path.split('.');
        let at: Record<string, unknown> = mutated;
        for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
        at[keys.at(-1)!] = value;
        const problems = validate(mutated);
        for (const problem of problems) {
          expect(inEnglish(problem.message)).toBeTruthy();
          expect(inChinese(problem.message)).toBeTruthy();
        }
      }),
      { numRuns: 400 },
    );
  });

  it('every generated valid journey validates without errors, compiles and runs', () => {
    fc.assert(
      fc.property(journeyArbitrary, fc.array(fc.record({ at: fc.integer({ min: 0, max: 20 * DAY }), type: fc.constantFrom(...events) }), { maxLength: 8 }), (journey, script) => {
        const errors = validate(journey).filter((problem) => problem.severity === 'error');
        expect(errors).toEqual([]);
        const result = compileJourneyInput(journey);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const run = runScripted(result.config, [{ at: 0, type: 'add_to_cart' }, ...script], { until: 30 * DAY });
        expect(run.visited[0]).toBe('n0');
      }),
      { numRuns: 150 },
    );
  });

  it('a condition the decision procedure calls unsatisfiable matches no user', () => {
    fc.assert(
      fc.property(conditionArbitrary, fc.array(factsArbitrary, { minLength: 20, maxLength: 20 }), (condition, users) => {
        if (!isSatisfiable(condition)) for (const facts of users) expect(evaluateCondition(condition, facts)).toBe(false);
      }),
      { numRuns: 800 },
    );
  });

  it('a case the decision procedure calls shadowed is taken by an earlier one for every user', () => {
    fc.assert(
      fc.property(conditionArbitrary, conditionArbitrary, fc.array(factsArbitrary, { minLength: 20, maxLength: 20 }), (later, earlier, users) => {
        if (implies(later, earlier))
          for (const facts of users) if (evaluateCondition(later, facts)) expect(evaluateCondition(earlier, facts)).toBe(true);
      }),
      { numRuns: 800 },
    );
  });
});
