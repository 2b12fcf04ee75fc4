import { checkCohort, COHORT_SCHEMA_VERSION } from '../../src/core/cohort/schema';
import { AddControlGroup, AddSegmentEventRates, cohortMigrations, migrateCohort, migrateCohortDown, OLDEST_COHORT_SCHEMA_VERSION } from '../../src/core/cohort/migrations';
import { cohortPresets } from '../../src/core/cohort/presets';
import type { Migration } from '../../src/core/journey/migrate';
import { inEnglish, inChinese } from '../support/messages.ts';

const behaviour = { purchase: { r: 0.243, alpha: 30.9, a: 0.793, b: 2.426 }, orderValue: { p: 6.25, q: 3.74, gamma: 52.6 } };

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
    expect(COHORT_SCHEMA_VERSION).toBe(3);
    expect(cohortMigrations.map((step) => [step.name, step.from])).toEqual([
      ['AddSegmentEventRates', 1],
      ['AddControlGroup', 2],
    ]);
    expect(cohortMigrations).toHaveLength(COHORT_SCHEMA_VERSION - OLDEST_COHORT_SCHEMA_VERSION);
  });

  it('AddSegmentEventRates up: version 2, and empty event rates on every segment that has none', () => {
    const input = v1Spec();
    (input.segments as { behaviour: Record<string, unknown> }[])[1]!.behaviour.events = { visit: { perDay: 0.2 } };
    const frozen = JSON.stringify(input);
    const result = migrateCohort(input);
    expect(result).toMatchObject({ ok: true, from: 1, applied: ['AddSegmentEventRates', 'AddControlGroup'] });
    if (!result.ok) return;
    expect(result.document.schemaVersion).toBe(3);
    expect(result.document.controlGroupShare).toBe(0);
    const segments = result.document.segments as { behaviour: Record<string, unknown> }[];
    expect(segments[0]!.behaviour).toEqual({ ...behaviour, response: { sms: { open: 0.6, click: 0.04, unsubscribe: 0.003 } }, events: {} });
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
    expect(migrateCohortDown(v2.document, 3)).toEqual(v2.document);
  });

  it('takes every preset down to version 1 and back up to the same spec, less the rates', () => {
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
        segments: current.segments.map((segment) => ({ ...segment, behaviour: { ...segment.behaviour, events: {}, responseDelayHours: 2 } })),
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
    expect(result).toMatchObject({ ok: true, from: 2, applied: ['AddControlGroup'], document: { schemaVersion: 3, controlGroupShare: 0 } });
    if (result.ok) expect(checkCohort(result.document).problems).toEqual([]);
  });

  it('AddControlGroup down: version 2, without the control group, and it reads again as version 3 with none', () => {
    const v3 = { ...v1Spec(), schemaVersion: 3, controlGroupShare: 0.2 };
    const down = migrateCohortDown(v3, 2);
    expect(down).toEqual({ ...v1Spec(), schemaVersion: 2 });
    expect(v3.controlGroupShare).toBe(0.2);
    const back = checkCohort(down);
    expect(back.problems).toEqual([]);
    expect(back.spec).toMatchObject({ schemaVersion: 3, controlGroupShare: 0 });
  });

  it('passes a current spec through, and refuses newer, unknown and missing versions naming the versions supported', () => {
    const current = { ...v1Spec(), schemaVersion: 3 };
    expect(migrateCohort(current)).toEqual({ ok: true, document: current, from: 3, applied: [] });
    const newer = migrateCohort({ ...v1Spec(), schemaVersion: 4 });
    expect(newer.ok).toBe(false);
    if (!newer.ok) {
      expect(newer.problem).toMatchObject({ severity: 'error', code: 'cohort-unsupported-version', location: { path: ['schemaVersion'] } });
      expect(inEnglish(newer.problem.message)).toBe('The cohort is format version 4, newer than the versions this Journey Lab supports (1–3). Update Journey Lab to use it.');
      expect(inChinese(newer.problem.message)).toContain('4');
      expect(inChinese(newer.problem.message)).toContain('1–3');
    }
    for (const version of [0, 1.5, '2', null]) {
      const result = migrateCohort({ ...v1Spec(), schemaVersion: version });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(inEnglish(result.problem.message)).toContain(`format version ${JSON.stringify(version)}, not one of the versions this Journey Lab supports (1–3)`);
    }
    const { schemaVersion: _version, ...unversioned } = v1Spec();
    expect(migrateCohort(unversioned)).toMatchObject({ ok: false, problem: { code: 'cohort-invalid', location: { path: ['schemaVersion'] } } });
    for (const input of [null, [], 42, 'cohort']) expect(migrateCohort(input)).toMatchObject({ ok: false, problem: { code: 'cohort-invalid', location: { path: [] } } });
  });

  it('runs a chain of steps in order and takes it back down, refusing a gap', () => {
    const AddB: Migration = { name: 'AddB', from: 3, up: (document) => ({ ...document, b: true }), down: ({ b: _b, ...document }) => document };
    const steps = [...cohortMigrations, AddB];
    const result = migrateCohort(v1Spec(), { migrations: steps, current: 4 });
    expect(result).toMatchObject({ ok: true, from: 1, applied: ['AddSegmentEventRates', 'AddControlGroup', 'AddB'], document: { schemaVersion: 4, b: true } });
    if (result.ok) expect(migrateCohortDown(result.document, 1, steps)).toEqual(v1Spec());
    const gap = migrateCohort(v1Spec(), { migrations: [AddB], current: 4 });
    expect(gap).toMatchObject({ ok: false, problem: { code: 'cohort-unsupported-version' } });
    if (!gap.ok) expect(inEnglish(gap.problem.message)).toBe('No migration from cohort format version 1 to 2; this Journey Lab supports 1–4.');
    expect(() => migrateCohortDown({ schemaVersion: 2 }, 0)).toThrow('No cohort migration between format versions 0 and 1');
  });
});
