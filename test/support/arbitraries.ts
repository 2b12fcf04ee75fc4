import fc from 'fast-check';
import type { Condition, ConditionFacts } from '../../src/core/journey/condition';
import type { JourneyDocumentInput } from '../../src/core/journey/schema';

/** Generators shared by the property tests of validation, compilation and simulation. */

export const events = ['purchase', 'click', 'visit', 'add_to_cart'] as const;
const stages = ['awareness', 'exploration', 'decision', 'usage', 'loyalty'] as const;

export const conditionArbitrary: fc.Arbitrary<Condition> = fc.letrec<{ condition: Condition }>((tie) => ({
  condition: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ attribute: fc.constantFrom('age', 'city'), op: fc.constantFrom('=', '!=', '<', '<=', '>', '>=' as const), value: fc.integer({ min: 0, max: 5 }) }),
    fc.record({ attribute: fc.constant('city'), op: fc.constant('in' as const), value: fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: 1, maxLength: 2 }) }),
    fc.record({ tag: fc.constantFrom('vip', 'new'), present: fc.boolean() }),
    fc.record({ segment: fc.constantFrom('s1', 's2'), member: fc.boolean() }),
    fc.record({ rfm: fc.constantFrom('recency', 'frequency', 'monetary' as const), op: fc.constantFrom('<', '>=', '=' as const), score: fc.integer({ min: 1, max: 5 }) }),
    fc.record({ event: fc.constantFrom('visit', 'purchase'), within: fc.constant('P7D'), op: fc.constantFrom('>=', '<' as const), count: fc.integer({ min: 0, max: 3 }) }),
    fc.record({ all: fc.array(tie('condition'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('condition'), { maxLength: 3 }) }),
    fc.record({ not: tie('condition') }),
  ),
})).condition;

export const factsArbitrary: fc.Arbitrary<ConditionFacts> = fc
  .record({
    age: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
    city: fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: undefined }),
    tags: fc.subarray(['vip', 'new']),
    segment: fc.constantFrom('s1', 's2', 's3'),
    rfm: fc.record({ recency: fc.integer({ min: 1, max: 5 }), frequency: fc.integer({ min: 1, max: 5 }), monetary: fc.integer({ min: 1, max: 5 }) }),
    visits: fc.integer({ min: 0, max: 4 }),
    purchases: fc.integer({ min: 0, max: 4 }),
  })
  .map(({ age, city, tags, segment, rfm, visits, purchases }) => ({
    attributes: { ...(age === undefined ? {} : { age }), ...(city === undefined ? {} : { city }) },
    tags: new Set(tags),
    segment,
    rfm,
    eventCount: (event: string) => (event === 'visit' ? visits : purchases),
  }));

/**
 * Random journeys that are valid by construction: an entry, then nodes each of whose ports lead to a
 * later node or an exit; a wait's port may also lead back to any node (a loop through a wait is fine).
 */
export const journeyArbitrary: fc.Arbitrary<JourneyDocumentInput> = fc
  .array(
    fc.record({
      kind: fc.constantFrom('message', 'offer', 'wait', 'waitForEvent', 'branch', 'split', 'tag', 'goal'),
      stage: fc.constantFrom(...stages),
      channel: fc.constantFrom('sms', 'push', 'email', 'wechat_oa', 'wecom', 'in_app', 'community', 'call'),
      hours: fc.integer({ min: 1, max: 96 }),
      event: fc.constantFrom(...events),
      conditions: fc.array(conditionArbitrary, { minLength: 1, maxLength: 3 }),
      weights: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 2, maxLength: 4 }),
      targets: fc.array(fc.nat(), { minLength: 5, maxLength: 5 }),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((specs) => {
    const count = specs.length;
    const nodes: NonNullable<JourneyDocumentInput['nodes']> = [
      { id: 'n0', kind: 'entry', stage: 'awareness', params: { trigger: { type: 'event', event: 'add_to_cart' } } },
    ];
    const edges: NonNullable<JourneyDocumentInput['edges']> = [{ id: 'e0', source: 'n0', sourcePort: 'next', target: 'n1' }];
    specs.forEach((spec, index) => {
      const id = `n${index + 1}`;
      const total = spec.weights.reduce((a, b) => a + b, 0);
      const weights = spec.weights.map((weight) => Math.floor((weight / total) * 100));
      weights[0]! += 100 - weights.reduce((a, b) => a + b, 0);
      const params: Record<string, Record<string, unknown>> = {
        message: { channel: spec.channel },
        offer: { value: 10, minSpend: 100, announcement: (['next-touch', 'at-checkout', 'none'] as const)[spec.hours % 3], checkoutChance: 0.5 },
        wait: { duration: `PT${spec.hours}H` },
        waitForEvent: { event: spec.event, timeout: `PT${spec.hours}H` },
        branch: { cases: spec.conditions.map((condition) => ({ condition })) },
        split: { variants: weights.map((weight, variant) => ({ label: `v${variant}`, weight, holdout: variant === 1 })) },
        tag: { action: 'add', tag: 'seen' },
        goal: { goal: 'Order', event: spec.event },
      };
      nodes.push({ id, kind: spec.kind, stage: spec.stage, params: params[spec.kind]! });
      const ports =
        spec.kind === 'waitForEvent' ? ['happened', 'timeout']
        : spec.kind === 'branch' ? [...spec.conditions.map((_, i) => `case-${i + 1}`), 'else']
        : spec.kind === 'split' ? weights.map((_, i) => `variant-${i + 1}`)
        : ['next'];
      ports.forEach((port, portIndex) => {
        const pick = spec.targets[portIndex % spec.targets.length]!;
        const forward = index + 2 + (pick % (count - index));
        const target = spec.kind === 'wait' && pick % 3 === 0 ? pick % (count + 1) : forward;
        edges.push({ id: `e${id}-${port}`, source: id, sourcePort: port, target: target > count ? 'out' : `n${target}` });
      });
    });
    nodes.push({ id: 'out', kind: 'exit', stage: 'loyalty' });
    return { schemaVersion: 6, id: 'generated', name: 'Generated', settings: { frequencyCap: null }, nodes, edges };
  });

