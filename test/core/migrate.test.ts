import { migrate, migrateDown, migrations, type Migration } from '../../src/core/journey/migrate';
import { CURRENT_SCHEMA_VERSION } from '../../src/core/journey/schema';
import { validate } from '../../src/core/journey/validate';
import { validJourney } from '../fixtures/journeys';

describe('migrate', () => {
  it('passes a current document through unchanged, without touching the input', () => {
    const input = validJourney();
    const frozen = JSON.stringify(input);
    const result = migrate(input);
    expect(result).toMatchObject({ ok: true, from: CURRENT_SCHEMA_VERSION, applied: [] });
    if (result.ok) expect(result.document).toEqual(input);
    expect(JSON.stringify(input)).toBe(frozen);
  });

  it('refuses a newer version, naming the version found and the one supported', () => {
    const result = migrate({ ...validJourney(), schemaVersion: 3 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe('unsupported-version');
    expect(result.problem.message.en).toBe(
      'The file is format version 3, newer than the versions this Journey Lab supports (1–1). Update Journey Lab to open it.',
    );
    expect(result.problem.message['zh-CN']).toContain('3');
    expect(result.problem.location.path).toEqual(['schemaVersion']);
  });

  it.each([
    ['a string version', '1'],
    ['a fractional version', 1.5],
    ['version zero', 0],
    ['a negative version', -1],
  ])('refuses %s as unsupported', (_name, version) => {
    const result = migrate({ ...validJourney(), schemaVersion: version });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message.en).toContain(JSON.stringify(version));
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a number', 42],
    ['an object without a version', { name: 'x' }],
  ])('refuses %s as not a journey', (_name, input) => {
    const result = migrate(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.code).toBe('not-a-journey');
  });

  it('has no migrations yet: format v1 is the first published version', () => {
    expect(migrations).toEqual([]);
  });

  describe('a chain of named migrations (as v2 and v3 will add)', () => {
    // What a future "AddTimezone" and "RenameCurrency" would look like, each with up and down.
    const AddTimezone: Migration = {
      name: 'AddTimezone',
      from: 1,
      up: (document) => ({ ...document, settings: { ...(document.settings as object), timezone: 'Asia/Shanghai' } }),
      down: (document) => {
        const { timezone: _timezone, ...settings } = document.settings as Record<string, unknown>;
        return { ...document, settings };
      },
    };
    const RenameCurrency: Migration = {
      name: 'RenameCurrency',
      from: 2,
      up: ({ settings, ...document }) => {
        const { currency, ...rest } = settings as Record<string, unknown>;
        return { ...document, settings: { ...rest, money: currency ?? 'CNY' } };
      },
      down: ({ settings, ...document }) => {
        const { money, ...rest } = settings as Record<string, unknown>;
        return { ...document, settings: { ...rest, currency: money } };
      },
    };
    const chain = [RenameCurrency, AddTimezone];
    const v1 = { ...validJourney(), settings: { currency: 'CNY' } };

    it('applies each step in order and says which', () => {
      const result = migrate(v1, { migrations: chain, current: 3 });
      expect(result).toMatchObject({ ok: true, from: 1, applied: ['AddTimezone', 'RenameCurrency'] });
      if (result.ok) expect(result.document).toMatchObject({ schemaVersion: 3, settings: { timezone: 'Asia/Shanghai', money: 'CNY' } });
    });

    it('goes back down to the version it started from', () => {
      const up = migrate(v1, { migrations: chain, current: 3 });
      if (!up.ok) throw new Error('expected migration');
      const down = migrateDown(up.document, 1, chain);
      expect(down).toEqual(v1);
      expect(validate(down).filter((problem) => problem.severity === 'error')).toEqual([]);
    });

    it('refuses when a step is missing from the chain', () => {
      const result = migrate(v1, { migrations: [RenameCurrency], current: 3 });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problem.message.en).toContain('No migration from format version 1 to 2');
    });
  });
});
