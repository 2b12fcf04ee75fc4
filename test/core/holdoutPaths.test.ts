import { validate } from '../../src/core/journey/validate';
import { node, edge } from '../fixtures/journeys';
import { inEnglish, inChinese } from '../support/messages.ts';

// Issue 14 §2: validation warns where any path lets a holdout user reach a touch (a message or an offer).
// Arms are sticky for the whole run, so a holdout that loops back to its own split stays held out.

type Node = ReturnType<typeof node>;
type Edge = ReturnType<typeof edge>;

/** entry → split "ab" (Treatment 90 % on variant-1, Control 10 % holdout on variant-2); the caller wires the arms. */
function splitJourney(nodes: Node[], edges: Edge[]) {
  return {
    schemaVersion: 2,
    id: 'holdouts',
    name: 'Holdouts',
    nodes: [
      node('start', 'entry', { trigger: { type: 'event', event: 'add_to_cart' } }),
      node('ab', 'split', { variants: [{ label: 'Treatment', weight: 90 }, { label: 'Control', weight: 10, holdout: true }] }),
      node('done', 'exit', { reason: 'done' }),
      ...nodes,
    ],
    edges: [edge('start', 'next', 'ab'), ...edges],
  };
}

const holdoutWarnings = (input: unknown) => validate(input).filter((problem) => problem.code === 'holdout-receives-treatment');

describe('a holdout that reaches a touch', () => {
  it('is warned on the split, naming the holdout arm and the message it reaches, in both languages', () => {
    const journey = splitJourney(
      [node('sms', 'message', { channel: 'sms' })],
      [edge('ab', 'variant-1', 'done'), edge('ab', 'variant-2', 'sms'), edge('sms', 'next', 'done')],
    );
    const [warning, ...others] = holdoutWarnings(journey);
    expect(others).toEqual([]);
    expect(warning).toMatchObject({ severity: 'warning', location: { nodeId: 'ab', path: ['nodes', 1, 'params', 'variants', 1] } });
    expect(inEnglish(warning!.message)).toBe('Holdout "Control" of "ab" leads to sms.');
    expect(inChinese(warning!.message)).toBe('「ab」的留出组「Control」会经过 sms。');
  });

  it('is warned through a wait and a branch, naming the offer past them', () => {
    const journey = splitJourney(
      [
        node('later', 'wait', { duration: 'P1D' }),
        node('who', 'branch', { cases: [{ label: 'adults', condition: { attribute: 'age', op: '>=', value: 18 } }] }),
        node('coupon', 'offer', { offer: 'coupon', value: 20, minSpend: 199 }),
      ],
      [
        edge('ab', 'variant-1', 'done'),
        edge('ab', 'variant-2', 'later'),
        edge('later', 'next', 'who'),
        edge('who', 'case-1', 'done'),
        edge('who', 'else', 'coupon'),
        edge('coupon', 'next', 'done'),
      ],
    );
    const warnings = holdoutWarnings(journey);
    expect(warnings).toHaveLength(1);
    expect(inEnglish(warnings[0]!.message)).toBe('Holdout "Control" of "ab" leads to coupon.');
  });

  it('names the touches in the order a user meets them, nearest first', () => {
    const journey = splitJourney(
      [
        node('who', 'branch', { cases: [{ label: 'adults', condition: { attribute: 'age', op: '>=', value: 18 } }] }),
        node('push', 'message', { channel: 'push' }),
        node('later', 'wait', { duration: 'P1D' }),
        node('sms', 'message', { channel: 'sms' }),
      ],
      [
        edge('ab', 'variant-1', 'done'),
        edge('ab', 'variant-2', 'who'),
        edge('who', 'case-1', 'push'),
        edge('push', 'next', 'done'),
        edge('who', 'else', 'later'),
        edge('later', 'next', 'sms'),
        edge('sms', 'next', 'done'),
      ],
    );
    expect(inEnglish(holdoutWarnings(journey)[0]!.message)).toBe('Holdout "Control" of "ab" leads to push, sms.');
  });

  it('is warned when the holdout reaches another split whose arm sends a message', () => {
    const journey = splitJourney(
      [
        node('inner', 'split', { variants: [{ label: 'X', weight: 50 }, { label: 'Y', weight: 50 }] }),
        node('sms', 'message', { channel: 'sms' }),
      ],
      [
        edge('ab', 'variant-1', 'done'),
        edge('ab', 'variant-2', 'inner'),
        edge('inner', 'variant-1', 'done'),
        edge('inner', 'variant-2', 'sms'),
        edge('sms', 'next', 'done'),
      ],
    );
    expect(holdoutWarnings(journey).map((problem) => problem.location.nodeId)).toEqual(['ab']);
  });
});

describe('a holdout that reaches no touch', () => {
  it('is not warned when it leads straight to an exit', () => {
    const journey = splitJourney(
      [node('sms', 'message', { channel: 'sms' })],
      [edge('ab', 'variant-1', 'sms'), edge('sms', 'next', 'done'), edge('ab', 'variant-2', 'done')],
    );
    expect(holdoutWarnings(journey)).toEqual([]);
  });

  it('is not warned when only the treated arm sends the message', () => {
    const journey = splitJourney(
      [node('sms', 'message', { channel: 'sms' }), node('goal', 'goal', { goal: 'Order', event: 'purchase' }, 'usage')],
      [edge('ab', 'variant-1', 'sms'), edge('sms', 'next', 'done'), edge('ab', 'variant-2', 'goal'), edge('goal', 'next', 'done')],
    );
    expect(holdoutWarnings(journey)).toEqual([]);
  });

  it('is not warned when the holdout port is left unconnected', () => {
    const journey = splitJourney([node('sms', 'message', { channel: 'sms' })], [edge('ab', 'variant-1', 'sms'), edge('sms', 'next', 'done')]);
    expect(holdoutWarnings(journey)).toEqual([]);
  });

  it('is not warned when the holdout loops back to its own split: the arm is sticky, so it never takes the treated arm', () => {
    const journey = splitJourney(
      [node('later', 'wait', { duration: 'P7D' }), node('mark', 'tag', { action: 'add', tag: 'held' }), node('sms', 'message', { channel: 'sms' })],
      [
        edge('ab', 'variant-1', 'sms'),
        edge('sms', 'next', 'done'),
        edge('ab', 'variant-2', 'mark'),
        edge('mark', 'next', 'later'),
        edge('later', 'next', 'ab'),
      ],
    );
    expect(holdoutWarnings(journey)).toEqual([]);
  });
});
