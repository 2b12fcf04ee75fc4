// diffJourneys: what one version of a journey changes against another — steps added, removed, changed
// (label, kind, params, stage) and moved apart, connections added and removed, settings by path — in a
// stable order, with steps and connections matched by id.
import { diffJourneys, noDifference, sameJson, type JourneyDocument } from '../../src/core/journey';
import { checkJourney } from '../../src/core/journey/validate';
import { edge, node, validJourney } from '../fixtures/journeys';

type Input = ReturnType<typeof validJourney>;

function journey(change: (input: Input) => void = () => {}): JourneyDocument {
  const input = validJourney();
  change(input);
  const { document } = checkJourney(input);
  if (!document) throw new Error('the fixture does not read as a journey');
  return document;
}

/** The same value with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, inner]) => [key, reverseKeys(inner)]));
}

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

describe('diffJourneys', () => {
  it('finds nothing between a journey and itself, or a copy with its keys in another order', () => {
    const before = journey();
    const reordered = reverseKeys(before) as JourneyDocument;
    expect(noDifference(diffJourneys(before, before))).toBe(true);
    expect(noDifference(diffJourneys(before, { ...before, nodes: before.nodes.map((one) => ({ ...one, params: Object.fromEntries(Object.entries(one.params).reverse()) })) }))).toBe(true);
    expect(noDifference(diffJourneys(before, reordered))).toBe(true);
  });

  it('lists steps added in the order of the newer version and removed in the order of the older', () => {
    const before = journey();
    const after = journey((input) => {
      input.nodes = input.nodes.filter((one) => one.id !== 'remind' && one.id !== 'giveUp');
      input.edges = input.edges.filter((one) => one.source !== 'remind' && one.target !== 'remind');
      input.nodes.push(node('sms', 'message', { channel: 'sms' }), node('bye', 'exit', { reason: 'no purchase' }));
      input.edges.push(edge('waitBuy', 'timeout', 'sms'), edge('sms', 'next', 'bye'));
    });
    const diff = diffJourneys(before, after);
    expect(ids(diff.nodesAdded)).toEqual(['sms', 'bye']);
    expect(ids(diff.nodesRemoved)).toEqual(['remind', 'giveUp']);
    expect(diff.nodesChanged).toEqual([]);
    expect(ids(diff.edgesAdded)).toEqual(['waitBuy-timeout', 'sms-next']);
    expect(ids(diff.edgesRemoved)).toEqual(['waitBuy-timeout', 'remind-next']);
    // The reverse diff swaps what was added and removed.
    const back = diffJourneys(after, before);
    expect(ids(back.nodesAdded)).toEqual(['remind', 'giveUp']);
    expect(ids(back.nodesRemoved)).toEqual(['sms', 'bye']);
  });

  it('says what about a step changed — label, kind, params, stage — and reports a move apart', () => {
    const before = journey();
    const after = journey((input) => {
      const remind = input.nodes.find((one) => one.id === 'remind')!;
      remind.label = 'Push reminder';
      remind.params = { channel: 'email' };
      const bought = input.nodes.find((one) => one.id === 'bought')!;
      bought.stage = 'loyalty';
      const giveUp = input.nodes.find((one) => one.id === 'giveUp')!;
      giveUp.position = { x: 300, y: 40 };
    });
    const diff = diffJourneys(before, after);
    expect(diff.nodesChanged.map((one) => [one.node.id, one.aspects])).toEqual([
      ['bought', ['stage']],
      ['remind', ['label', 'params']],
    ]);
    expect(diff.nodesChanged[1]!.node.label).toBe('Push reminder');
    expect(diff.nodesMoved).toEqual([{ node: expect.objectContaining({ id: 'giveUp' }), from: { x: 0, y: 0 } }]);
    expect(diff.nodesAdded).toEqual([]);
    expect(diff.nodesRemoved).toEqual([]);
  });

  it('reports a step that changed kind under the same id as changed, not removed and added', () => {
    const diff = diffJourneys(
      journey(),
      journey((input) => {
        const giveUp = input.nodes.find((one) => one.id === 'giveUp')!;
        Object.assign(giveUp, { kind: 'goal', params: { goal: 'Order', event: 'purchase' } });
        input.edges.push(edge('giveUp', 'next', 'done'));
      }),
    );
    expect(diff.nodesChanged.map((one) => [one.node.id, one.aspects])).toEqual([['giveUp', ['kind', 'params']]]);
    expect(ids(diff.edgesAdded)).toEqual(['giveUp-next']);
  });

  it('treats a connection that kept its id but changed its ends as removed and added', () => {
    const diff = diffJourneys(
      journey(),
      journey((input) => {
        input.edges.find((one) => one.id === 'remind-next')!.target = 'done';
      }),
    );
    expect(diff.edgesRemoved).toEqual([expect.objectContaining({ id: 'remind-next', target: 'giveUp' })]);
    expect(diff.edgesAdded).toEqual([expect.objectContaining({ id: 'remind-next', target: 'done' })]);
  });

  it('names each setting that changed by its path, sorted, and the journey’s own fields', () => {
    const diff = diffJourneys(
      journey(),
      journey((input) => {
        input.name = 'Cart reminder, v2';
        input.settings = { ...input.settings, frequencyCap: { touches: 5, window: 'P3D' }, quietHours: null };
      }),
    );
    expect(diff.journeyChanged).toEqual(['name']);
    expect(diff.settingsChanged).toEqual(['frequencyCap.touches', 'frequencyCap.window', 'quietHours']);
    expect(noDifference(diff)).toBe(false);
    expect(diff.nodesChanged).toEqual([]);
  });

  it('gives the same answer for the same inputs, whichever order it is asked in', () => {
    const before = journey();
    const after = journey((input) => {
      input.nodes.reverse();
      input.nodes.find((one) => one.id === 'start')!.label = 'Cart';
    });
    expect(diffJourneys(before, after)).toEqual(diffJourneys(before, after));
    expect(diffJourneys(before, after).nodesChanged.map((one) => one.node.id)).toEqual(['start']);
  });
});

describe('sameJson', () => {
  it('compares values deeply, ignoring key order but not array order', () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(sameJson({ a: 1 }, { a: '1' })).toBe(false);
    expect(sameJson(null, {})).toBe(false);
  });
});
