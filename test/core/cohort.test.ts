import fc from 'fast-check';
import { textFor } from '../../src/core/i18n';
import { checkCohort, cohortProblems, COHORT_SCHEMA_VERSION, modelledEvents, type CohortSpec, type CohortSpecInput } from '../../src/core/cohort/schema';
import { createCohortGenerator } from '../../src/core/cohort/generate';
import { cohortPresets, getPreset } from '../../src/core/cohort/presets';
import { channels } from '../../src/core/journey/channels';
import { templates, type Industry } from '../../src/core/templates';
import type { JourneyUser } from '../../src/core/compile/runtime';
import type { Problem } from '../../src/core/journey/problems';
import { inEnglish, inChinese } from '../support/messages.ts';

const behaviour = { purchase: { r: 0.243, alpha: 30.9, a: 0.793, b: 2.426 }, orderValue: { p: 6.25, q: 3.74, gamma: 52.6 } };

/** A valid two-segment spec that tests then break in one place or several. */
function baseSpec(): CohortSpecInput {
  return {
    schemaVersion: 6,
    id: 'demo',
    name: { en: 'Demo', 'zh-CN': '示例' },
    size: 1000,
    attributes: {
      region: { values: ['north', 'south'], shares: { north: 40, south: 60 } },
      points: { numeric: { min: 0, max: 10_000, integer: true }, normal: { mean: 500, sd: 300 } },
    },
    tags: ['price_sensitive'],
    segments: [
      {
        id: 'new_users',
        name: 'New users',
        share: 70,
        attributes: { region: { north: 50, south: 50 } },
        tags: { price_sensitive: 0.4 },
        reach: { sms: 0.9 },
        behaviour: { ...behaviour, response: { sms: { open: 0.6, click: 0.04, unsubscribe: 0.003 } } },
      },
      { id: 'vip', name: 'VIP', share: 30, numeric: { points: { mean: 5000, sd: 1000 } }, behaviour },
    ],
  };
}

const brief = (problems: Problem[]) => problems.map((problem) => [problem.code, problem.location.path]);
const errors = (problems: Problem[]) => problems.filter((problem) => problem.severity === 'error');

describe('checkCohort', () => {
  it('accepts a valid spec, with no problem, and fills in defaults', () => {
    const { spec, problems } = checkCohort(baseSpec());
    expect(problems).toEqual([]);
    expect(spec).not.toBeNull();
    expect(spec!.segments[1]!.rfm).toEqual({ recency: [20, 20, 20, 20, 20], frequency: [20, 20, 20, 20, 20], monetary: [20, 20, 20, 20, 20] });
    expect(spec!.segments[1]!.behaviour).toMatchObject({ fatigue: 1, clickLift: 1, priceElasticity: 0, pullForward: 0, reactivation: 0, unsubscribePressure: 0, responseWindowDays: 7, response: {}, events: {}, responseDelayHours: 2 });
    expect(spec!.segments[1]!.reach).toEqual({});
    expect(spec!.description).toBe('');
    const { size, ...withoutSize } = baseSpec();
    expect(size).toBe(1000);
    expect(checkCohort(withoutSize).spec?.size).toBe(10_000);
  });

  it('refuses segment shares that do not add up to 100 (60 + 30), at segments', () => {
    const input = baseSpec();
    input.segments[0]!.share = 60;
    const { spec, problems } = checkCohort(input);
    expect(spec).toBeNull();
    expect(brief(problems)).toEqual([['cohort-shares', ['segments']]]);
    expect(inEnglish(problems[0]!.message)).toContain('90 %');
    expect(inEnglish(problems[0]!.message)).toContain('new_users 60 %');
    expect(inChinese(problems[0]!.message)).toContain('90%');
  });

  it('refuses a probability outside [0, 1] with the path to it', () => {
    const input = baseSpec();
    input.segments[0]!.reach = { sms: 1.2 };
    input.segments[0]!.tags = { price_sensitive: -0.1 };
    input.segments[0]!.behaviour.response = { sms: { open: 0.6, click: 2, unsubscribe: 0.003 } };
    const { spec, problems } = checkCohort(input);
    expect(spec).toBeNull();
    expect(brief(problems)).toEqual([
      ['cohort-invalid', ['segments', 0, 'tags', 'price_sensitive']],
      ['cohort-invalid', ['segments', 0, 'reach', 'sms']],
      ['cohort-invalid', ['segments', 0, 'behaviour', 'response', 'sms', 'click']],
    ]);
    expect(inEnglish(problems[1]!.message)).toBe('segments[0].reach.sms: Probabilities are between 0 and 1 (e.g. 0.25 for 25 %)');
    expect(inChinese(problems[1]!.message)).toContain('概率取值在 0 到 1 之间');
  });

  it('refuses a negative or fractional size', () => {
    for (const size of [-5, 0, 2.5]) {
      const { spec, problems } = checkCohort({ ...baseSpec(), size });
      expect(spec).toBeNull();
      expect(brief(problems)).toEqual([['cohort-invalid', ['size']]]);
    }
  });

  it('refuses a segment that refers to an unknown attribute or value', () => {
    const input = baseSpec();
    input.segments[0]!.attributes = { colour: { red: 100 }, region: { north: 50, west: 50 } };
    input.segments[1]!.numeric = { height: { mean: 170, sd: 10 } };
    const { spec, problems } = checkCohort(input);
    expect(spec).toBeNull();
    expect(brief(problems)).toEqual([
      ['cohort-unknown-attribute', ['segments', 0, 'attributes', 'colour']],
      ['cohort-unknown-attribute', ['segments', 0, 'attributes', 'region', 'west']],
      ['cohort-unknown-attribute', ['segments', 1, 'numeric', 'height']],
    ]);
    expect(inEnglish(problems[0]!.message)).toContain('"colour"');
    expect(inChinese(problems[0]!.message)).toContain('“colour”');
  });

  it('refuses attribute, declaration and RFM shares that do not add up to 100', () => {
    const input = baseSpec();
    input.attributes!.region!.shares = { north: 40, south: 50 };
    input.segments[0]!.attributes = { region: { north: 50, south: 45 } };
    input.segments[1]!.rfm = { recency: [10, 10, 10, 10, 10], monetary: [50, 50, 50, 0, 0] };
    const { spec, problems } = checkCohort(input);
    expect(spec).toBeNull();
    expect(brief(problems)).toEqual([
      ['cohort-attribute-shares', ['attributes', 'region', 'shares']],
      ['cohort-attribute-shares', ['segments', 0, 'attributes', 'region']],
      ['cohort-rfm-shares', ['segments', 1, 'rfm', 'recency']],
      ['cohort-rfm-shares', ['segments', 1, 'rfm', 'monetary']],
    ]);
  });

  it('accepts shares that add up to 100 only up to rounding', () => {
    const input = baseSpec();
    input.attributes = { ...input.attributes, tier: { values: ['a', 'b', 'c'], shares: { a: 33.33, b: 33.33, c: 33.34 } } };
    expect(checkCohort(input).problems).toEqual([]);
    input.attributes.tier!.shares = { a: 33.3, b: 33.3, c: 33.3 };
    expect(brief(checkCohort(input).problems)).toEqual([['cohort-attribute-shares', ['attributes', 'tier', 'shares']]]);
  });

  it('refuses an unknown tag', () => {
    const input = baseSpec();
    input.segments[1]!.tags = { price_sensitve: 0.3 };
    expect(brief(checkCohort(input).problems)).toEqual([['cohort-unknown-tag', ['segments', 1, 'tags', 'price_sensitve']]]);
  });

  it('refuses behaviour parameters that are not positive, and q ≤ 1', () => {
    const input = baseSpec();
    input.segments[1]!.behaviour = {
      purchase: { r: 0, alpha: -1, a: 0.5, b: 2 },
      orderValue: { p: 6, q: 1, gamma: 10 },
      clickLift: 0,
      responseWindowDays: -7,
      fatigue: 1.5,
    };
    const { spec, problems } = checkCohort(input);
    expect(spec).toBeNull();
    const behaviourPath = ['segments', 1, 'behaviour'];
    expect(brief(problems)).toEqual([
      ['cohort-invalid', [...behaviourPath, 'purchase', 'r']],
      ['cohort-invalid', [...behaviourPath, 'purchase', 'alpha']],
      ['cohort-invalid', [...behaviourPath, 'orderValue', 'q']],
      ['cohort-invalid', [...behaviourPath, 'fatigue']],
      ['cohort-invalid', [...behaviourPath, 'clickLift']],
      ['cohort-invalid', [...behaviourPath, 'responseWindowDays']],
    ]);
    expect(inEnglish(problems[0]!.message)).toContain('Must be greater than 0');
    expect(inChinese(problems[0]!.message)).toContain('必须大于 0');
  });

  it('reports every problem of a spec that is wrong in many ways at once', () => {
    const input = baseSpec() as Record<string, unknown> & CohortSpecInput;
    input.size = -5;
    input.segments[0]!.share = 60;
    input.segments[0]!.reach = { sms: 1.2 };
    input.segments[0]!.attributes = { colour: { red: 100 } };
    input.segments[1]!.tags = { unknown_tag: 0.5 };
    input.segments[1]!.behaviour = { ...behaviour, purchase: { ...behaviour.purchase, b: -2 } };
    (input.segments[1] as Record<string, unknown>).colour = 'blue';
    const { spec, problems } = checkCohort(input);
    expect(spec).toBeNull();
    expect(brief(problems)).toEqual(
      expect.arrayContaining([
        ['cohort-invalid', ['size']],
        ['cohort-invalid', ['segments', 0, 'reach', 'sms']],
        ['cohort-invalid', ['segments', 1, 'behaviour', 'purchase', 'b']],
        ['cohort-invalid', ['segments', 1]],
        ['cohort-shares', ['segments']],
        ['cohort-unknown-attribute', ['segments', 0, 'attributes', 'colour']],
        ['cohort-unknown-tag', ['segments', 1, 'tags', 'unknown_tag']],
      ]),
    );
    expect(problems.filter((problem) => problem.severity === 'error')).toHaveLength(7);
    for (const problem of problems) {
      expect(inEnglish(problem.message).length).toBeGreaterThan(0);
      expect(inChinese(problem.message).length).toBeGreaterThan(0);
      expect(problem.code in cohortProblems).toBe(true);
    }
  });

  it('refuses mixed-up attribute kinds, bad ranges and duplicates', () => {
    const input = baseSpec();
    input.attributes = {
      ...input.attributes,
      both: { values: ['x'], numeric: { min: 0, max: 1 } },
      neither: {},
      upside_down: { numeric: { min: 10, max: 1 } },
      doubled: { values: ['x', 'y', 'x'] },
    };
    input.tags = ['price_sensitive', 'price_sensitive'];
    input.segments[0]!.attributes = { points: { '1': 100 } };
    input.segments[1]!.id = 'new_users';
    input.segments[1]!.numeric = { region: { mean: 1, sd: 0 }, points: { mean: 20_000, sd: 1 } };
    const { problems } = checkCohort(input);
    expect(brief(problems)).toEqual(
      expect.arrayContaining([
        ['cohort-attribute-kind', ['attributes', 'both']],
        ['cohort-attribute-kind', ['attributes', 'neither']],
        ['cohort-numeric-range', ['attributes', 'upside_down', 'numeric']],
        ['cohort-duplicate', ['attributes', 'doubled', 'values', 2]],
        ['cohort-duplicate', ['tags', 1]],
        ['cohort-duplicate', ['segments', 1, 'id']],
        ['cohort-attribute-kind', ['segments', 0, 'attributes', 'points']],
        ['cohort-attribute-kind', ['segments', 1, 'numeric', 'region']],
        ['cohort-numeric-range', ['segments', 1, 'numeric', 'points', 'mean']],
      ]),
    );
    expect(problems).toHaveLength(9);
  });

  it('warns, and still accepts, when a reachable channel has no response', () => {
    const input = baseSpec();
    input.segments[1]!.reach = { push: 0.5, email: 0 };
    const { spec, problems } = checkCohort(input);
    expect(spec).not.toBeNull();
    expect(problems.map((problem) => [problem.severity, problem.code, problem.location.path])).toEqual([
      ['warning', 'cohort-no-response', ['segments', 1, 'reach', 'push']],
    ]);
  });

  it('refuses a newer (or another) format version, naming the version found and the ones supported', () => {
    expect(COHORT_SCHEMA_VERSION).toBe(6);
    for (const version of [7, 0, 1.5, -1]) {
      const { spec, problems } = checkCohort({ ...baseSpec(), schemaVersion: version });
      expect(spec).toBeNull();
      expect(brief(problems)).toEqual([['cohort-unsupported-version', ['schemaVersion']]]);
      expect(inEnglish(problems[0]!.message)).toContain(`version ${version}`);
      expect(inEnglish(problems[0]!.message)).toContain('(1–6)');
      expect(inChinese(problems[0]!.message)).toContain(String(version));
      expect(inChinese(problems[0]!.message)).toContain('1–6');
    }
    expect(inEnglish(checkCohort({ ...baseSpec(), schemaVersion: 7 }).problems[0]!.message)).toBe(
      'The cohort is format version 7, newer than the versions this Journey Lab supports (1–6). Update Journey Lab to use it.',
    );
    expect(inEnglish(cohortProblems['cohort-unsupported-version'].fix)).toContain('1–6');
    const { schemaVersion: _version, ...unversioned } = baseSpec();
    expect(brief(checkCohort(unversioned).problems)).toEqual([['cohort-invalid', ['schemaVersion']]]);
    expect(brief(checkCohort({ ...baseSpec(), schemaVersion: '2' }).problems)).toEqual([['cohort-invalid', ['schemaVersion']]]);
  });

  it('reads a version 1 spec by migrating it, with defaults for the new fields', () => {
    const v1 = { ...baseSpec(), schemaVersion: 1 };
    const frozen = JSON.stringify(v1);
    const { spec, problems } = checkCohort(v1);
    expect(problems).toEqual([]);
    expect(spec).toMatchObject({ schemaVersion: 6, id: 'demo', size: 1000, controlGroupShare: 0 });
    for (const segment of spec!.segments) expect(segment.behaviour).toMatchObject({ events: {}, responseDelayHours: 2 });
    expect(JSON.stringify(v1)).toBe(frozen);
  });

  it('reports a version 1 spec’s problems at the paths as written', () => {
    const v1 = { ...baseSpec(), schemaVersion: 1 };
    v1.segments[0]!.share = 60;
    v1.segments[0]!.reach = { sms: 1.2 };
    v1.segments[1]!.tags = { unknown_tag: 0.5 };
    const { spec, problems } = checkCohort(v1);
    expect(spec).toBeNull();
    expect(brief(problems)).toEqual([
      ['cohort-invalid', ['segments', 0, 'reach', 'sms']],
      ['cohort-shares', ['segments']],
      ['cohort-unknown-tag', ['segments', 1, 'tags', 'unknown_tag']],
    ]);
  });

  it('reads behaviour event rates and the response delay', () => {
    const input = baseSpec();
    input.segments[0]!.behaviour = { ...input.segments[0]!.behaviour, events: { add_to_cart: { perDay: 0.05 }, visit: { perDay: 0.3 } }, responseDelayHours: 4 };
    const { spec, problems } = checkCohort(input);
    expect(problems).toEqual([]);
    expect(spec!.segments[0]!.behaviour.events).toEqual({ add_to_cart: { perDay: 0.05 }, visit: { perDay: 0.3 } });
    expect(spec!.segments[0]!.behaviour.responseDelayHours).toBe(4);
  });

  it('refuses negative rates, bad event names and a response delay that is not above 0', () => {
    const input = baseSpec();
    input.segments[0]!.behaviour = {
      ...input.segments[0]!.behaviour,
      events: { add_to_cart: { perDay: -0.1 }, 'Add-To-Cart': { perDay: 0.1 }, visit: { perDay: 0.1, perWeek: 1 } as never },
      responseDelayHours: 0,
    };
    const { spec, problems } = checkCohort(input);
    expect(spec).toBeNull();
    expect(problems.every((found) => found.code === 'cohort-invalid')).toBe(true);
    const paths = problems.map((found) => found.location.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['segments.0.behaviour.events.add_to_cart.perDay', 'segments.0.behaviour.events.visit', 'segments.0.behaviour.responseDelayHours']),
    );
    expect(paths.some((path) => path.startsWith('segments.0.behaviour.events'))).toBe(true);
    expect(inChinese(problems.find((found) => found.location.path.at(-1) === 'perDay')!.message)).toContain('不能为负数');
  });

  it('refuses rates for the events the behaviour model makes (purchase, open, click, unsubscribe), at the event, but allows visit', () => {
    expect([...modelledEvents]).toEqual(['purchase', 'open', 'click', 'unsubscribe']);
    const input = baseSpec();
    input.segments[1]!.behaviour = {
      ...input.segments[1]!.behaviour,
      events: { visit: { perDay: 0.2 }, purchase: { perDay: 0.1 }, open: { perDay: 1 }, click: { perDay: 0.5 }, unsubscribe: { perDay: 0.01 } },
    };
    const { spec, problems } = checkCohort(input);
    expect(spec).toBeNull();
    expect(brief(problems)).toEqual(
      (['purchase', 'open', 'click', 'unsubscribe'] as const).map((event) => ['cohort-modelled-event', ['segments', 1, 'behaviour', 'events', event]]),
    );
    expect(problems.every((found) => found.severity === 'error')).toBe(true);
    expect(inEnglish(problems[0]!.message)).toBe(
      'Segment "vip" gives a rate for the event "purchase", which the behaviour model makes itself: purchases come from the BG/NBD model (behaviour.purchase).',
    );
    expect(inChinese(problems[0]!.message)).toContain('“vip”');
    expect(inChinese(problems[0]!.message)).toContain('“purchase”');
    expect(inEnglish(problems[1]!.message)).toContain('"open"');
    expect(inEnglish(problems[1]!.message)).toContain('behaviour.response');
    expect(inChinese(cohortProblems['cohort-modelled-event'].title)).not.toBe(inEnglish(cohortProblems['cohort-modelled-event'].title));
  });

  it('refuses strict-object typos and inputs that are not objects', () => {
    expect(brief(checkCohort({ ...baseSpec(), sise: 10 }).problems)).toEqual([['cohort-invalid', []]]);
    for (const input of [null, 42, 'cohort', [], undefined]) {
      const { spec, problems } = checkCohort(input);
      expect(spec).toBeNull();
      expect(problems.map((problem) => problem.code)).toEqual(['cohort-invalid']);
    }
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = checkCohort(input);
        expect(Array.isArray(result.problems)).toBe(true);
      }),
      { numRuns: 300 },
    );
    const valid = baseSpec();
    fc.assert(
      fc.property(fc.constantFrom('size', 'attributes', 'tags', 'segments', 'name'), fc.anything(), (key, value) => {
        const result = checkCohort({ ...valid, [key]: value });
        if (result.spec === null) expect(errors(result.problems).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('cohort presets', () => {
  it('are the six industries, each found by id', () => {
    expect(cohortPresets.map((preset) => preset.id)).toEqual(['ecommerce', 'telecom', 'education', 'banking', 'automotive', 'food']);
    for (const preset of cohortPresets) expect(getPreset(preset.id)).toBe(preset);
    expect(getPreset('nope')).toBeUndefined();
  });

  it.each(cohortPresets.map((preset) => [preset.id, preset] as const))('%s passes checkCohort with no problem at all', (_id, preset) => {
    const { spec, problems } = checkCohort(preset.spec);
    expect(problems).toEqual([]);
    expect(spec).not.toBeNull();
    expect(preset.spec.id).toBe(preset.id);
    expect(preset.sources.length).toBeGreaterThan(1);
  });

  it.each(cohortPresets.map((preset) => [preset.id, preset] as const))('%s names everything in both languages and gives every segment a full set of numbers', (_id, preset) => {
    const spec = checkCohort(preset.spec).spec!;
    expect(preset.name.en).not.toBe(preset.name['zh-CN']);
    expect(textFor(spec.name, 'zh-CN')).toBe(preset.name['zh-CN']);
    for (const name of ['region', 'age_band', 'gender', 'member_tier', 'device']) expect(spec.attributes).toHaveProperty(name);
    expect(spec.segments.length).toBeGreaterThanOrEqual(4);
    for (const segment of spec.segments) {
      expect(typeof segment.name).toBe('object');
      expect(textFor(segment.name, 'en')).not.toBe(textFor(segment.name, 'zh-CN'));
      for (const channel of channels) {
        expect(segment.reach[channel], `${segment.id} reach ${channel}`).toBeDefined();
        expect(segment.behaviour.response[channel], `${segment.id} response ${channel}`).toBeDefined();
      }
      // Every declared tag and attribute has a distribution for every segment.
      for (const tag of spec.tags) expect(segment.tags[tag], `${segment.id} ${tag}`).toBeDefined();
      for (const [name, declaration] of Object.entries(spec.attributes))
        expect(declaration.values ? segment.attributes[name] ?? declaration.shares : segment.numeric[name] ?? declaration.normal, `${segment.id} ${name}`).toBeDefined();
    }
  });

  it('uses the CDNOW BG/NBD fit, converted to days, for new e-commerce users', () => {
    const spec = checkCohort(getPreset('ecommerce')!.spec).spec!;
    const newUsers = spec.segments.find((segment) => segment.id === 'new_users')!;
    expect(newUsers.behaviour.purchase.r).toBe(0.243);
    expect(newUsers.behaviour.purchase.alpha).toBeCloseTo(4.414 * 7, 6);
    const { p, q, gamma } = newUsers.behaviour.orderValue;
    expect((p * gamma) / (q - 1)).toBeCloseTo(120, 1);
  });

  it.each(cohortPresets.map((preset) => [preset.id, preset] as const))('%s is format version 2 and gives every segment small rates of unmodelled events', (_id, preset) => {
    expect(preset.spec.schemaVersion).toBe(COHORT_SCHEMA_VERSION);
    for (const segment of checkCohort(preset.spec).spec!.segments) {
      const rates = Object.entries(segment.behaviour.events);
      expect(rates.length, segment.id).toBeGreaterThanOrEqual(3);
      for (const [event, { perDay }] of rates) {
        expect((modelledEvents as readonly string[]).includes(event), `${segment.id} ${event}`).toBe(false);
        expect(perDay, `${segment.id} ${event}`).toBeGreaterThan(0);
        expect(perDay, `${segment.id} ${event}`).toBeLessThanOrEqual(0.6);
      }
    }
  });

  it('give a rate, in e-commerce or the template’s own industry, to every event a template enters on or waits for', () => {
    // Industries without a preset of their own borrow the nearest one.
    const presetFor: Partial<Record<Industry, string>> = { ecommerce: 'ecommerce', retail: 'ecommerce', telecom: 'telecom', education: 'education', b2b: 'education', banking: 'banking', automotive: 'automotive', food: 'food' };
    const rated = (id: string) => new Set(checkCohort(getPreset(id)!.spec).spec!.segments.flatMap((segment) => Object.keys(segment.behaviour.events)));
    const missing: string[] = [];
    for (const template of templates)
      for (const node of template.nodes) {
        const params = (node.params ?? {}) as { event?: string; trigger?: { type: string; event?: string } };
        const event = node.kind === 'entry' && params.trigger?.type === 'event' ? params.trigger.event : node.kind === 'waitForEvent' ? params.event : undefined;
        if (!event || (modelledEvents as readonly string[]).includes(event)) continue;
        const presets = ['ecommerce', presetFor[template.industry]].filter((id): id is string => id !== undefined);
        if (!presets.some((id) => rated(id).has(event))) missing.push(`${template.id}: ${event}`);
      }
    expect(missing).toEqual([]);
  });

  it('speak the vocabulary the templates read', () => {
    const education = checkCohort(getPreset('education')!.spec).spec!;
    expect(education.segments.map((segment) => segment.id)).toContain('parents');
    expect(education.tags).toContain('enrolled');
    const ecommerce = checkCohort(getPreset('ecommerce')!.spec).spec!;
    expect(ecommerce.attributes.region!.values).toEqual(expect.arrayContaining(['beijing', 'guangzhou', 'shanghai']));
    expect(ecommerce.attributes.member_tier!.values).toEqual(expect.arrayContaining(['silver', 'gold']));
    expect(Object.keys(ecommerce.attributes)).toEqual(expect.arrayContaining(['points', 'order_count', 'coupon_order_share']));
    expect(ecommerce.tags).toContain('price_sensitive');
  });
});

describe('createCohortGenerator', () => {
  const spec: CohortSpec = checkCohort(getPreset('ecommerce')!.spec).spec!;

  it('makes users the journey runtime can run, with reach on every channel', () => {
    const generator = createCohortGenerator(spec, 7);
    expect(generator.size).toBe(spec.size);
    const user = generator.user(0);
    const asJourneyUser: JourneyUser = user;
    expect(asJourneyUser.id).toBe(0);
    expect(spec.segments[user.segmentIndex]!.id).toBe(user.segment);
    expect(Object.keys(user.reach).sort()).toEqual([...channels].sort());
    for (const score of Object.values(user.rfm)) expect([1, 2, 3, 4, 5]).toContain(score);
    expect(Object.keys(user.attributes).sort()).toEqual(Object.keys(spec.attributes).sort());
  });

  it('gives the same user for the same (spec, seed, index), in whatever order users are made', () => {
    const indexes = Array.from({ length: 500 }, (_, index) => index * 37);
    const forwards = createCohortGenerator(spec, 12345);
    const inOrder = indexes.map((index) => forwards.user(index));
    const shuffled = fc.sample(fc.shuffledSubarray(indexes, { minLength: indexes.length }), { numRuns: 1, seed: 99 })[0]!;
    const another = createCohortGenerator(structuredClone(spec), 12345);
    const byIndex = new Map(shuffled.map((index) => [index, another.user(index)]));
    expect(indexes.map((index) => byIndex.get(index))).toEqual(inOrder);
    expect([...forwards.users(0, 50)]).toEqual(Array.from({ length: 50 }, (_, index) => forwards.user(index)));
    expect(forwards.user(9)).toEqual(forwards.user(9));
  });

  it("draws a user's traits alike whatever it drew before, the first draw of a generator included", () => {
    // The generator mixes a user's key prefix once and keeps it for their next draws (random.ts).
    for (let seed = 1; seed <= 20; seed++)
      for (const index of [-1, 0, 3]) {
        const fresh = () => createCohortGenerator(spec, seed);
        const warmed = () => {
          const generator = createCohortGenerator(spec, seed);
          generator.segmentOf(index + 11);
          return generator;
        };
        const traits = (generator: ReturnType<typeof createCohortGenerator>) => [generator.segmentOf(index), generator.rfmOf(index, 0, 1), generator.reachOf(index, 0, 'sms')];
        expect(traits(fresh())).toEqual(traits(warmed()));
      }
  });

  it('gives different users for a different seed', () => {
    const a = createCohortGenerator(spec, 1);
    const b = createCohortGenerator(spec, 2);
    const same = Array.from({ length: 200 }, (_, index) => JSON.stringify(a.user(index)) === JSON.stringify(b.user(index))).filter(Boolean);
    expect(same.length).toBeLessThan(5);
  });

  it('draws each field on its own: adding a tag does not change anybody’s region or segment', () => {
    const more = structuredClone(spec);
    more.tags = [...more.tags, 'new_tag'];
    for (const segment of more.segments) segment.tags.new_tag = 0.5;
    const a = createCohortGenerator(spec, 3);
    const b = createCohortGenerator(more, 3);
    for (let index = 0; index < 300; index++) {
      expect(b.user(index).segment).toBe(a.user(index).segment);
      expect(b.user(index).attributes).toEqual(a.user(index).attributes);
    }
  });

  it('keeps numeric attributes in their range, whole where declared integer', () => {
    const generator = createCohortGenerator(spec, 5);
    for (const user of generator.users(0, 2000)) {
      const points = user.attributes.points as number;
      expect(Number.isInteger(points)).toBe(true);
      expect(points).toBeGreaterThanOrEqual(0);
      expect(points).toBeLessThanOrEqual(20_000);
      const share = user.attributes.coupon_order_share as number;
      expect(share).toBeGreaterThanOrEqual(0);
      expect(share).toBeLessThanOrEqual(1);
    }
  });

  it('refuses an index outside the cohort', () => {
    const generator = createCohortGenerator({ ...spec, size: 10 }, 5);
    expect(() => generator.user(10)).toThrow(RangeError);
    expect(() => generator.user(-1)).toThrow(RangeError);
    expect(() => generator.user(1.5)).toThrow(RangeError);
    expect([...generator.users()]).toHaveLength(10);
  });

  it('meets the spec’s shares within 4 standard errors over 20,000 users', () => {
    const n = 20_000;
    const generator = createCohortGenerator({ ...spec, size: n }, 2026);
    const segmentCounts = new Map<string, number>();
    const tierCounts = new Map<string, number>();
    const vipTierCounts = new Map<string, number>();
    let female = 0;
    let vip = 0;
    let lapsedSms = 0;
    let lapsed = 0;
    let activeRecency5 = 0;
    let active = 0;
    for (const user of generator.users()) {
      segmentCounts.set(user.segment, (segmentCounts.get(user.segment) ?? 0) + 1);
      tierCounts.set(String(user.attributes.member_tier), (tierCounts.get(String(user.attributes.member_tier)) ?? 0) + 1);
      if (user.attributes.gender === 'female') female++;
      if (user.segment === 'vip') {
        vip++;
        vipTierCounts.set(String(user.attributes.member_tier), (vipTierCounts.get(String(user.attributes.member_tier)) ?? 0) + 1);
      }
      if (user.segment === 'lapsed') {
        lapsed++;
        if (user.reach.sms) lapsedSms++;
      }
      if (user.segment === 'active_repeat') {
        active++;
        if (user.rfm.recency === 5) activeRecency5++;
      }
    }
    const within4se = (count: number, total: number, p: number) => {
      const se = Math.sqrt((p * (1 - p)) / total);
      expect(Math.abs(count / total - p), `observed ${count / total}, expected ${p}`).toBeLessThanOrEqual(4 * se);
    };
    for (const segment of spec.segments) within4se(segmentCounts.get(segment.id) ?? 0, n, segment.share / 100);
    within4se(female, n, 0.56); // the cohort-wide gender shares, which no segment overrides
    // Member tier mixes the segments' own distributions by their shares.
    for (const tier of spec.attributes.member_tier!.values!) {
      const expected = spec.segments.reduce((sum, segment) => sum + (segment.share / 100) * ((segment.attributes.member_tier?.[String(tier)] ?? 0) / 100), 0);
      within4se(tierCounts.get(String(tier)) ?? 0, n, expected);
    }
    within4se(vipTierCounts.get('platinum') ?? 0, vip, 0.55);
    expect(vipTierCounts.get('none')).toBeUndefined();
    within4se(lapsedSms, lapsed, 0.8);
    within4se(activeRecency5, active, 0.4);
  });
});
