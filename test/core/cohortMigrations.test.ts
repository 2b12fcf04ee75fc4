import { checkCohort, COHORT_SCHEMA_VERSION } from '../../src/core/cohort/schema';
import { AddControlGroup, AddProvenance, AddReactiveBehaviour, AddSegmentEventRates, AddTimeAndCalendar, cohortMigrations, migrateCohort, migrateCohortDown, OLDEST_COHORT_SCHEMA_VERSION, REFERENCE_DISCOUNT } from '../../src/core/cohort/migrations';
import { cohortPresets } from '../../src/core/cohort/presets';
import type { Migration } from '../../src/core/journey/migrate';
import { inEnglish, inChinese } from '../support/messages.ts';

const behaviour = { purchase: { r: 0.243, alpha: 30.9, a: 0.793, b: 2.426 }, orderValue: { p: 6.25, q: 3.74, gamma: 52.6 } };
/** What version 3 simulated: no pull-forward, no win-back, no pressure. */
const neutralDynamics = { pullForward: 0, reactivation: 0, unsubscribePressure: 0 };

/** A version 1 spec as an older Journey Lab wrote it: no event rates, no response delay. */
function v1Spec(): Record<string, unknown> {
  return {
    schemaVersion: 1,
    id: 'demo',
    name: 'Demo',
    segments: [
      { id: 'new_users', name: 'New users', share: 70, reach: { sms: 0.9 }, behaviour: { ...behaviour, response: { sms: { open: 0.6, click: 0.04, unsubscribe: 0.003 } } } },
      { id: 'vip', name: 'VIP', share: 30, behaviour: { ...behaviour, fatigue: 0.9 } },
    ],
  };
}

describe('cohort migrations', () => {
  it('are one named step per version, from the oldest to the current one', () => {
    expect(OLDEST_COHORT_SCHEMA_VERSION).toBe(1);
    expect(COHORT_SCHEMA_VERSION).toBe(6);
    expect(cohortMigrations.map((step) => [step.name, step.from])).toEqual([
      ['AddSegmentEventRates', 1],
      ['AddControlGroup', 2],
      ['AddReactiveBehaviour', 3],
      ['AddTimeAndCalendar', 4],
      ['AddProvenance', 5],
    ]);
    expect(cohortMigrations).toHaveLength(COHORT_SCHEMA_VERSION - OLDEST_COHORT_SCHEMA_VERSION);
  });

  it('AddSegmentEventRates up: version 2, and empty event rates on every segment that has none', () => {
    const input = v1Spec();
    (input.segments as { behaviour: Record<string, unknown> }[])[1]!.behaviour.events = { visit: { perDay: 0.2 } };
    const frozen = JSON.stringify(input);
    const result = migrateCohort(input);
    expect(result).toMatchObject({ ok: true, from: 1, applied: ['AddSegmentEventRates', 'AddControlGroup', 'AddReactiveBehaviour', 'AddTimeAndCalendar', 'AddProvenance'] });
    if (!result.ok) return;
    expect(result.document.schemaVersion).toBe(6);
    expect(result.document.controlGroupShare).toBe(0);
    const segments = result.document.segments as { behaviour: Record<string, unknown> }[];
    expect(segments[0]!.behaviour).toEqual({ ...behaviour, response: { sms: { open: 0.6, click: 0.04, unsubscribe: 0.003 } }, events: {}, ...neutralDynamics });
    expect(segments[1]!.behaviour.events).toEqual({ visit: { perDay: 0.2 } });
    expect(JSON.stringify(input)).toBe(frozen);
    expect(checkCohort(result.document).problems).toEqual([]);
  });

  it('AddSegmentEventRates up leaves malformed segments for the format check', () => {
    const input = { ...v1Spec(), segments: [null, { id: 'x' }, { behaviour: 'none' }] };
    expect(AddSegmentEventRates.up(input)).toEqual({ ...input, schemaVersion: 2 });
    const noSegments = { schemaVersion: 1, id: 'demo' };
    expect(AddSegmentEventRates.up(noSegments)).toEqual({ schemaVersion: 2, id: 'demo' });
  });

  it('AddSegmentEventRates down: version 1, without event rates and response delays', () => {
    const v2 = migrateCohort(v1Spec());
    if (!v2.ok) throw new Error('expected the v1 spec to migrate');
    const segments = v2.document.segments as { behaviour: Record<string, unknown> }[];
    segments[0]!.behaviour.events = { add_to_cart: { perDay: 0.05 } };
    segments[0]!.behaviour.responseDelayHours = 3;
    const frozen = JSON.stringify(v2.document);
    const down = migrateCohortDown(v2.document, 1);
    expect(down).toEqual(v1Spec());
    expect(JSON.stringify(v2.document)).toBe(frozen);
    expect(checkCohort(down).problems).toEqual([]);
    expect(migrateCohortDown(v2.document, 6)).toEqual(v2.document);
  });

  it('takes every preset down to version 1 and back up to the same spec, less what version 1 cannot hold', () => {
    for (const preset of cohortPresets) {
      const current = checkCohort(preset.spec).spec!;
      const old = migrateCohortDown(structuredClone(current) as unknown as Record<string, unknown>, 1);
      expect(old.schemaVersion, preset.id).toBe(1);
      expect(JSON.stringify(old), preset.id).not.toContain('"events"');
      expect(JSON.stringify(old), preset.id).not.toContain('responseDelayHours');
      const back = checkCohort(old);
      expect(back.problems, preset.id).toEqual([]);
      expect(back.spec, preset.id).toEqual({
        ...current,
        controlGroupShare: 0,
        timing: { openByHour: {}, delayByHour: {}, openByWeekday: {} },
        calendar: [],
        segments: current.segments.map((segment) => ({ ...segment, behaviour: { ...segment.behaviour, events: {}, responseDelayHours: 2, ...neutralDynamics } })),
      });
    }
  });

  it('AddControlGroup up: version 3, with no control group unless the spec already gives one', () => {
    const v2 = { ...v1Spec(), schemaVersion: 2 };
    const frozen = JSON.stringify(v2);
    expect(AddControlGroup.up(v2)).toEqual({ ...v2, schemaVersion: 3, controlGroupShare: 0 });
    expect(AddControlGroup.up({ ...v2, controlGroupShare: 0.1 })).toEqual({ ...v2, schemaVersion: 3, controlGroupShare: 0.1 });
    expect(JSON.stringify(v2)).toBe(frozen);
    const result = migrateCohort(v2);
    expect(result).toMatchObject({ ok: true, from: 2, applied: ['AddControlGroup', 'AddReactiveBehaviour', 'AddTimeAndCalendar', 'AddProvenance'], document: { schemaVersion: 6, controlGroupShare: 0 } });
    if (result.ok) expect(checkCohort(result.document).problems).toEqual([]);
  });

  it('AddControlGroup down: version 2, without the control group, and it reads again with none', () => {
    const v6 = { ...v1Spec(), schemaVersion: 6, controlGroupShare: 0.2, timing: {}, calendar: [] };
    const down = migrateCohortDown(v6, 2);
    expect(down).toEqual({ ...v1Spec(), schemaVersion: 2 });
    expect(v6.controlGroupShare).toBe(0.2);
    const back = checkCohort(down);
    expect(back.problems).toEqual([]);
    expect(back.spec).toMatchObject({ schemaVersion: 6, controlGroupShare: 0 });
  });

  it('AddReactiveBehaviour up: version 4, with neutral pull-forward, win-back and pressure where a segment gives none', () => {
    const v3: Record<string, unknown> = { ...v1Spec(), schemaVersion: 3, controlGroupShare: 0 };
    const frozen = JSON.stringify(v3);
    const up = AddReactiveBehaviour.up(v3);
    expect(up.schemaVersion).toBe(4);
    for (const segment of up.segments as { behaviour: Record<string, unknown> }[]) expect(segment.behaviour).toMatchObject(neutralDynamics);
    expect(JSON.stringify(v3)).toBe(frozen);
    const kept = AddReactiveBehaviour.up({ ...v3, segments: [{ ...(v3.segments as object[])[0]!, behaviour: { ...behaviour, pullForward: 0.3 } }] });
    expect((kept.segments as { behaviour: Record<string, unknown> }[])[0]!.behaviour).toMatchObject({ pullForward: 0.3, reactivation: 0 });
    const checked = checkCohort(up);
    expect(checked.problems).toEqual([]);
    expect(checked.spec!.segments[1]!.behaviour).toMatchObject(neutralDynamics);
  });

  it('AddReactiveBehaviour turns the one offer lift into a price elasticity that lifts a fifth-of-the-basket offer alike, and back', () => {
    const v3: Record<string, unknown> = { ...v1Spec(), schemaVersion: 3, controlGroupShare: 0 };
    (v3.segments as { behaviour: Record<string, unknown> }[])[0]!.behaviour = { ...behaviour, offerLift: 1.8 };
    const up = AddReactiveBehaviour.up(v3);
    const upBehaviour = (up.segments as { behaviour: Record<string, unknown> }[])[0]!.behaviour;
    expect(upBehaviour).toMatchObject({ priceElasticity: 4 });
    expect(upBehaviour).not.toHaveProperty('offerLift');
    // 1 + 4 × 0.2 = 1.8: an offer worth REFERENCE_DISCOUNT of the expected order lifts as v3's did.
    expect(1 + (upBehaviour.priceElasticity as number) * REFERENCE_DISCOUNT).toBeCloseTo(1.8, 12);
    expect((AddReactiveBehaviour.down(up).segments as { behaviour: Record<string, unknown> }[])[0]!.behaviour).toEqual({ ...behaviour, offerLift: 1.8 });
    // A lift below 1 has no elasticity to match: an offer no longer lowers buying.
    (v3.segments as { behaviour: Record<string, unknown> }[])[0]!.behaviour = { ...behaviour, offerLift: 0.5 };
    expect((AddReactiveBehaviour.up(v3).segments as { behaviour: Record<string, unknown> }[])[0]!.behaviour).toMatchObject({ priceElasticity: 0 });
    // A malformed lift stays where it was, for the format check to name.
    (v3.segments as { behaviour: Record<string, unknown> }[])[0]!.behaviour = { ...behaviour, offerLift: 'high' };
    expect(checkCohort(v3).problems.map((problem) => problem.location?.path)).toContainEqual(['segments', 0, 'behaviour']);
  });

  it('AddReactiveBehaviour down: version 3, without the three, which version 3 does not know', () => {
    const v4: Record<string, unknown> = { ...v1Spec(), schemaVersion: 4, controlGroupShare: 0.1 };
    (v4.segments as { behaviour: Record<string, unknown> }[])[0]!.behaviour = { ...behaviour, pullForward: 0.3, reactivation: 0.1, unsubscribePressure: 0.5 };
    const down = AddReactiveBehaviour.down(v4);
    expect(down.schemaVersion).toBe(3);
    expect((down.segments as { behaviour: Record<string, unknown> }[])[0]!.behaviour).toEqual(behaviour);
    expect((v4.segments as { behaviour: Record<string, unknown> }[])[0]!.behaviour).toMatchObject({ pullForward: 0.3 });
  });

  it('AddTimeAndCalendar up: version 5, every hour, weekday and date alike; down: version 4 without them', () => {
    const v4: Record<string, unknown> = { ...v1Spec(), schemaVersion: 4, controlGroupShare: 0 };
    const frozen = JSON.stringify(v4);
    const up = AddTimeAndCalendar.up(v4);
    expect(up).toEqual({ ...v4, schemaVersion: 5, timing: {}, calendar: [] });
    expect(JSON.stringify(v4)).toBe(frozen);
    const calendar = [{ name: '618', from: '2027-06-01', to: '2027-06-18', purchaseRate: 1.5 }];
    expect(AddTimeAndCalendar.up({ ...v4, calendar })).toMatchObject({ calendar });
    expect(AddTimeAndCalendar.down({ ...up, calendar, timing: { openByWeekday: { sms: [1, 1, 1, 1, 1, 2, 2] } } })).toEqual({ ...v4, schemaVersion: 4 });
  });

  it('AddProvenance up: version 6, an authored cohort with no provenance; down: version 5 without the provenance, numbers kept', () => {
    const v5: Record<string, unknown> = { ...v1Spec(), schemaVersion: 5, controlGroupShare: 0, timing: {}, calendar: [] };
    const frozen = JSON.stringify(v5);
    const up = AddProvenance.up(v5);
    expect(up).toEqual({ ...v5, schemaVersion: 6 });
    expect(JSON.stringify(v5)).toBe(frozen);
    expect(checkCohort(up).problems).toEqual([]);
    const provenance = {
      kind: 'fitted',
      sources: [{ role: 'transactions', fileName: 'orders.csv', sha256: 'a'.repeat(64), bytes: 1000, rows: 20, accepted: 19, rejected: 1 }],
      firstDate: '2024-01-01',
      lastDate: '2024-12-31',
      calibrationEnd: '2024-09-30',
      currency: 'CNY',
      segmentBy: 'none',
      fits: [{ segment: 'new_users', customers: 12, repeatCustomers: 5, bgnbd: null, gammaGamma: null, warnings: ['too-few-repeat-customers'] }],
      holdout: null,
      filledFromPreset: { preset: 'ecommerce', fields: ['reach'] },
    };
    const fitted = { ...up, provenance };
    expect(checkCohort(fitted).problems).toEqual([]);
    expect(AddProvenance.down(fitted)).toEqual(v5);
    expect(checkCohort({ ...fitted, provenance: { ...provenance, sources: [{ ...provenance.sources[0], sha256: 'not a hash' }] } }).problems.map((found) => found.code)).toEqual(['cohort-invalid']);
  });

  it('passes a current spec through, and refuses newer, unknown and missing versions naming the versions supported', () => {
    const current = { ...v1Spec(), schemaVersion: 6 };
    expect(migrateCohort(current)).toEqual({ ok: true, document: current, from: 6, applied: [] });
    const newer = migrateCohort({ ...v1Spec(), schemaVersion: 7 });
    expect(newer.ok).toBe(false);
    if (!newer.ok) {
      expect(newer.problem).toMatchObject({ severity: 'error', code: 'cohort-unsupported-version', location: { path: ['schemaVersion'] } });
      expect(inEnglish(newer.problem.message)).toBe('The cohort is format version 7, newer than the versions this Journey Lab supports (1–6). Update Journey Lab to use it.');
      expect(inChinese(newer.problem.message)).toContain('7');
      expect(inChinese(newer.problem.message)).toContain('1–6');
    }
    for (const version of [0, 1.5, '2', null]) {
      const result = migrateCohort({ ...v1Spec(), schemaVersion: version });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(inEnglish(result.problem.message)).toContain(`format version ${JSON.stringify(version)}, not one of the versions this Journey Lab supports (1–6)`);
    }
    const { schemaVersion: _version, ...unversioned } = v1Spec();
    expect(migrateCohort(unversioned)).toMatchObject({ ok: false, problem: { code: 'cohort-invalid', location: { path: ['schemaVersion'] } } });
    for (const input of [null, [], 42, 'cohort']) expect(migrateCohort(input)).toMatchObject({ ok: false, problem: { code: 'cohort-invalid', location: { path: [] } } });
  });

  it('runs a chain of steps in order and takes it back down, refusing a gap', () => {
    const AddB: Migration = { name: 'AddB', from: 6, up: (document) => ({ ...document, b: true }), down: ({ b: _b, ...document }) => document };
    const steps = [...cohortMigrations, AddB];
    const result = migrateCohort(v1Spec(), { migrations: steps, current: 7 });
    expect(result).toMatchObject({ ok: true, from: 1, applied: ['AddSegmentEventRates', 'AddControlGroup', 'AddReactiveBehaviour', 'AddTimeAndCalendar', 'AddProvenance', 'AddB'], document: { schemaVersion: 7, b: true } });
    if (result.ok) expect(migrateCohortDown(result.document, 1, steps)).toEqual(v1Spec());
    const gap = migrateCohort(v1Spec(), { migrations: [AddB], current: 7 });
    expect(gap).toMatchObject({ ok: false, problem: { code: 'cohort-unsupported-version' } });
    if (!gap.ok) expect(inEnglish(gap.problem.message)).toBe('No migration from cohort format version 1 to 2; this Journey Lab supports 1–7.');
    expect(() => migrateCohortDown({ schemaVersion: 2 }, 0)).toThrow('No cohort migration between format versions 0 and 1');
  });
});
