// The fit of a journey to a cohort (issue 15): what a journey reads that the cohort lacks, and the
// paths no user of the cohort can take, each code with a case that raises it and one that must not.
import { checkCohort, COHORT_SCHEMA_VERSION, type CheckedCohortSpec, type CohortSpecInput } from '../../src/core/cohort/schema';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocumentInput } from '../../src/core/journey/schema';
import { checkJourneyAgainstCohort, cohortFitProblems, journeyFitWarnings } from '../../src/core/sim/engine/cohortFit';
import { checkSimulation } from '../../src/core/sim/engine/simulate';
import { getTemplate } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { ecommercePreset } from '../../src/core/cohort/presets/ecommerce';
import { edge, node } from '../fixtures/journeys';
import { inChinese, inEnglish } from '../support/messages';

const behaviour = (events: Record<string, number>) => ({
  purchase: { r: 1, alpha: 30, a: 1, b: 3 },
  orderValue: { p: 6, q: 4, gamma: 50 },
  events: Object.fromEntries(Object.entries(events).map(([event, perDay]) => [event, { perDay }])),
  response: { sms: { open: 0.5, click: 0.1, unsubscribe: 0 } },
});

/** Two segments: tier never "gold", score 0–100, the tag "vip" only in b, add_to_cart only in a, "idle" never. */
function cohort(change: (spec: CohortSpecInput) => void = () => {}): CheckedCohortSpec {
  const spec: CohortSpecInput = {
    schemaVersion: COHORT_SCHEMA_VERSION,
    id: 'fit',
    name: { en: 'Fit shoppers', 'zh-CN': '匹配测试人群' },
    attributes: {
      tier: { values: ['none', 'silver', 'gold'], shares: { none: 50, silver: 50, gold: 0 } },
      score: { numeric: { min: 0, max: 100, integer: true }, normal: { mean: 50, sd: 20 } },
      fixed: { numeric: { min: 0, max: 10 }, normal: { mean: 4, sd: 0 } },
    },
    tags: ['vip'],
    segments: [
      { id: 'a', name: 'A', share: 60, attributes: { tier: { none: 100 } }, tags: { vip: 0 }, reach: { sms: 1 }, behaviour: behaviour({ add_to_cart: 0.1, idle: 0 }) },
      { id: 'b', name: 'B', share: 40, tags: { vip: 0.5 }, reach: { sms: 1 }, behaviour: behaviour({ idle: 0 }) },
    ],
  };
  change(spec);
  const checked = checkCohort(spec);
  if (!checked.spec) throw new Error(checked.problems.map((found) => inEnglish(found.message)).join('\n'));
  return checked.spec;
}

type Node = ReturnType<typeof node>;

/** Everyone enters at launch (or through `entry`), passes `steps` in a row, then a branch on `cases`, whose every port leaves. */
function journey({ steps = [], cases = [], entry = { trigger: { type: 'audience' } }, more = [] }: { steps?: Node[]; cases?: unknown[]; entry?: Record<string, unknown>; more?: Node[] } = {}): JourneyDocumentInput {
  const chain = [node('start', 'entry', entry), ...steps, node('pick', 'branch', { cases: cases.map((condition, index) => ({ label: `Case ${index + 1}`, condition })) })];
  const ports = ['else', ...cases.map((_, index) => `case-${index + 1}`)];
  return {
    schemaVersion: 6,
    id: 'fit',
    name: 'Fit',
    settings: { frequencyCap: null, quietHours: null },
    nodes: [...chain, ...more, ...ports.map((port) => node(`out-${port}`, 'exit'))],
    edges: [
      ...chain.slice(1).map((next, index) => edge(chain[index]!.id, 'next', next.id)),
      ...ports.map((port) => edge('pick', port, `out-${port}`)),
    ],
  };
}

function fit(input: JourneyDocumentInput, spec: CheckedCohortSpec = cohort()) {
  const checked = checkJourney(input);
  if (!checked.valid) throw new Error(checked.problems.map((found) => `${found.code}: ${inEnglish(found.message)}`).join('\n'));
  return checkJourneyAgainstCohort(checked.valid, spec);
}

const codes = (input: JourneyDocumentInput, spec?: CheckedCohortSpec) => fit(input, spec).map((found) => `${found.code} ${found.location.nodeId}`);

describe('cohort-missing-attribute', () => {
  it('names the node, the attribute and the cohort in both languages, at the condition it is read in', () => {
    const [found, ...rest] = fit(journey({ cases: [{ attribute: 'push_opt_in', op: '=', value: true }] }));
    expect(found).toMatchObject({ code: 'cohort-missing-attribute', severity: 'warning', location: { nodeId: 'pick', path: ['nodes', 1, 'params', 'cases', 0, 'condition'] } });
    expect(inEnglish(found!.message)).toBe('"pick" (pick) reads the attribute “push_opt_in” (Case 1 → Condition), but the cohort “Fit shoppers” does not declare it, so no user has it.');
    expect(inChinese(found!.message)).toContain('push_opt_in');
    expect(inChinese(found!.message)).toContain('匹配测试人群');
    expect(inChinese(found!.message)).toContain('(pick)');
    // The case can then never be taken either.
    expect(rest.map((other) => other.code)).toEqual(['path-never-taken']);
  });

  it('is not raised for a declared attribute, nor for one a tag step sets', () => {
    expect(codes(journey({ cases: [{ attribute: 'tier', op: '=', value: 'silver' }] }))).toEqual([]);
    const set = node('mark', 'tag', { action: 'set', attribute: 'push_opt_in', value: true });
    expect(codes(journey({ steps: [set], cases: [{ attribute: 'push_opt_in', op: '=', value: true }] }))).toEqual([]);
  });

  it('reads entry filters and wait filters too, once per attribute and node', () => {
    const wait = node('waitCart', 'waitForEvent', { event: 'add_to_cart', timeout: 'P1D', filter: { any: [{ attribute: 'age', op: '>', value: 30 }, { attribute: 'age', op: '<', value: 20 }] } });
    const input = journey({ entry: { trigger: { type: 'audience' }, filter: { attribute: 'city', op: '=', value: 'x' } } });
    input.nodes!.push(wait);
    input.edges!.push(edge('waitCart', 'happened', 'out-else'), edge('waitCart', 'timeout', 'out-else'));
    const found = fit(input).filter((problem) => problem.code === 'cohort-missing-attribute');
    expect(found.map((problem) => [problem.location.nodeId, problem.message.values?.attribute])).toEqual([
      ['start', 'city'],
      ['waitCart', 'age'],
    ]);
  });
});

describe('cohort-missing-tag', () => {
  it('is raised for a tag the cohort does not declare and no step adds, even one a step removes', () => {
    const [found] = fit(journey({ cases: [{ tag: 'lunch_orderer', present: true }] }));
    expect(found!.code).toBe('cohort-missing-tag');
    expect(inEnglish(found!.message)).toContain('reads the tag “lunch_orderer” (Case 1 → Condition), but the cohort “Fit shoppers” does not declare it and no tag step adds it');
    expect(inChinese(found!.message)).toContain('lunch_orderer');
    const removes = node('unmark', 'tag', { action: 'remove', tag: 'lunch_orderer' });
    // Nobody has it, so lacking it is a case everyone matches: "else" is never taken.
    expect(codes(journey({ steps: [removes], cases: [{ tag: 'lunch_orderer', present: false }] }))).toEqual(['cohort-missing-tag pick', 'path-never-taken pick']);
  });

  it('is not raised for a declared tag, nor for one a tag step adds', () => {
    expect(codes(journey({ cases: [{ tag: 'vip', present: true }] }))).toEqual([]);
    const adds = node('mark', 'tag', { action: 'add', tag: 'lunch_orderer' });
    expect(codes(journey({ steps: [adds], cases: [{ tag: 'lunch_orderer', present: true }] }))).toEqual([]);
  });
});

describe('cohort-missing-segment', () => {
  it('is raised for a segment id the cohort lacks, listing the ones it has', () => {
    const found = fit(journey({ cases: [{ segment: 'parents', member: true }] }));
    expect(found.map((problem) => problem.code)).toEqual(['cohort-missing-segment', 'path-never-taken']);
    expect(inEnglish(found[0]!.message)).toContain('names the segment “parents” (Case 1 → Condition), but the cohort “Fit shoppers” has no segment with that id (its segments: a, b).');
    expect(inChinese(found[0]!.message)).toContain('parents');
  });

  it('is not raised for a segment the cohort has', () => {
    expect(codes(journey({ cases: [{ segment: 'b', member: true }] }))).toEqual([]);
  });
});

describe('cohort-missing-event', () => {
  it('is raised for a trigger, a wait, a goal and a condition on an event no segment does', () => {
    const input = journey({ entry: { trigger: { type: 'event', event: 'weather_rain' } }, cases: [{ event: 'cancel_order', within: 'P30D', op: '>=', count: 1 }] });
    input.nodes!.push(node('waitIdle', 'waitForEvent', { event: 'idle', timeout: 'P1D' }), node('won', 'goal', { event: 'mql' }));
    input.edges!.push(edge('waitIdle', 'happened', 'won'), edge('waitIdle', 'timeout', 'out-else'), edge('won', 'next', 'out-else'));
    const found = fit(input).filter((problem) => problem.code === 'cohort-missing-event');
    expect(found.map((problem) => [problem.location.nodeId, problem.message.values?.event])).toEqual([
      ['start', 'weather_rain'],
      ['pick', 'cancel_order'],
      ['waitIdle', 'idle'],
      ['won', 'mql'],
    ]);
    expect(inEnglish(found[0]!.message)).toBe(
      '"start" (start) reads the event “weather_rain” (Trigger event), but no segment of the cohort “Fit shoppers” does it (no rate above 0 in its behaviour.events) and the behaviour model does not make it.',
    );
    expect(inChinese(found[0]!.message)).toContain('weather_rain');
  });

  it('is not raised for an event a segment does, nor for one the behaviour model makes', () => {
    const input = journey({ entry: { trigger: { type: 'event', event: 'add_to_cart' } }, cases: [{ event: 'visit', within: 'P3D', op: '>=', count: 1 }] });
    input.nodes!.push(node('waitBuy', 'waitForEvent', { event: 'purchase', timeout: 'P1D' }), node('clicked', 'goal', { event: 'click' }));
    input.edges!.push(edge('waitBuy', 'happened', 'clicked'), edge('waitBuy', 'timeout', 'out-else'), edge('clicked', 'next', 'out-else'));
    expect(codes(input).filter((code) => code.startsWith('cohort-missing-event'))).toEqual([]);
  });
});

describe('path-never-taken', () => {
  it('is raised for a case on values no segment draws: a share of 0, outside a range, a tag nobody in the segment has', () => {
    const found = fit(journey({ cases: [{ attribute: 'tier', op: '=', value: 'gold' }, { attribute: 'score', op: '>', value: 100 }, { all: [{ segment: 'a' }, { tag: 'vip', present: true }] }] }));
    expect(found.map((problem) => problem.code)).toEqual(['path-never-taken', 'path-never-taken', 'path-never-taken']);
    expect(inEnglish(found[0]!.message)).toBe('No user of the cohort “Fit shoppers” takes “Case 1” of "pick" (pick): its condition (tier = gold) holds for none of them.');
    expect(inChinese(found[0]!.message)).toBe('模拟人群“匹配测试人群”中没有用户会走 "pick" (pick) 的“Case 1”：它的条件（tier = gold）对所有用户都不成立。');
  });

  it('is raised for the cases after one every user matches, else included', () => {
    const found = fit(journey({ cases: [{ attribute: 'score', op: '<=', value: 100 }, { tag: 'vip', present: true }] }));
    expect(found.map((problem) => inEnglish(problem.message.values?.port as never))).toEqual(['Case 2', 'else']);
    expect(inEnglish(found[0]!.message)).toContain('an earlier case (score ≤ 100) holds for every one of them');
    // A numeric attribute with no spread is its mean for everyone.
    expect(codes(journey({ cases: [{ attribute: 'fixed', op: '=', value: 4 }] }))).toEqual(['path-never-taken pick']);
  });

  it('is raised for an entry whose filter nobody passes', () => {
    const found = fit(journey({ entry: { trigger: { type: 'audience' }, filter: { attribute: 'fixed', op: '>', value: 5 } } }));
    expect(found.map((problem) => `${problem.code} ${problem.location.nodeId}`)).toEqual(['path-never-taken start']);
    expect(inEnglish(found[0]!.message)).toBe('No user of the cohort “Fit shoppers” enters through "start" (start): its filter (fixed > 5) holds for none of them.');
  });

  it('is not raised where some users may go either way, nor where the journey contradicts itself', () => {
    const open = [
      { attribute: 'tier', op: '=', value: 'silver' },
      { attribute: 'score', op: '>', value: 50 },
      { tag: 'vip', present: true },
      { segment: 'a', member: false },
      { rfm: 'recency', op: '>=', score: 4 },
      { event: 'add_to_cart', within: 'P7D', op: '>=', count: 1 },
      { any: [{ segment: 'a' }, { tag: 'vip', present: true }] },
    ];
    for (const condition of open) expect(codes(journey({ cases: [condition, { tag: 'vip', present: false }] })), JSON.stringify(condition)).toEqual([]);
    // Never matching whatever the cohort is the journey's own warning (branch-case-never-matches), not this one.
    const contradiction = { all: [{ attribute: 'tier', op: '=', value: 'gold' }, { not: { attribute: 'tier', op: '=', value: 'gold' } }] };
    expect(codes(journey({ cases: [contradiction] }))).toEqual([]);
  });

  it('counts a value a tag step sets as one users may have', () => {
    const set = node('mark', 'tag', { action: 'set', attribute: 'tier', value: 'gold' });
    expect(codes(journey({ steps: [set], cases: [{ attribute: 'tier', op: '=', value: 'gold' }] }))).toEqual([]);
  });
});

describe('the fit check before a run', () => {
  it('comes with checkSimulation as warnings that do not stop the run', () => {
    const welcome = instantiateTemplate(getTemplate('welcome-new-user')!, 'en');
    const pushOptIn = structuredClone(welcome);
    const branch = pushOptIn.nodes!.find((candidate) => candidate.id === 'usesApp')!;
    branch.params = { cases: [{ label: 'Push allowed', condition: { attribute: 'push_opt_in', op: '=', value: true } }] };
    const checked = checkSimulation({ journey: pushOptIn, cohort: ecommercePreset.spec, users: 100 });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.warnings.map((found) => found.code)).toEqual(['cohort-missing-attribute', 'path-never-taken']);
    const fixed = checkSimulation({ journey: welcome, cohort: ecommercePreset.spec, users: 100 });
    expect(fixed.ok && fixed.warnings).toEqual([]);
  });

  it('says nothing for a journey or a cohort that cannot run', () => {
    const input = journey({ cases: [{ attribute: 'push_opt_in', op: '=', value: true }] });
    expect(journeyFitWarnings(input, cohort())?.map((found) => found.code)).toEqual(['cohort-missing-attribute', 'path-never-taken']);
    expect(journeyFitWarnings({ ...input, nodes: [] }, cohort())).toBeNull();
    expect(journeyFitWarnings(input, { schemaVersion: COHORT_SCHEMA_VERSION })).toBeNull();
  });

  it('defines every code it raises as a warning', () => {
    for (const definition of Object.values(cohortFitProblems)) expect(definition.severity).toBe('warning');
  });
});
