import { AddIncrementalForecasts, AddGoals, AddLanguage, AddLaunch, AddOfferAnnouncement, migrate, migrateDown, migrations, OLDEST_SCHEMA_VERSION, type Migration } from '../../src/core/journey/migrate';
import { CURRENT_SCHEMA_VERSION } from '../../src/core/journey/schema';
import { checkJourney, validate } from '../../src/core/journey/validate';
import { validJourney } from '../fixtures/journeys';
import { inEnglish, inChinese } from '../support/messages.ts';

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
    const result = migrate({ ...validJourney(), schemaVersion: 7 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.code).toBe('unsupported-version');
    expect(inEnglish(result.problem.message)).toBe(
      'The file is format version 7, newer than the versions this Journey Lab supports (1–6). Update Journey Lab to open it.',
    );
    expect(inChinese(result.problem.message)).toContain('7');
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
    if (!result.ok) expect(inEnglish(result.problem.message)).toContain(JSON.stringify(version));
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

  it('has one named step per version, from the oldest to the current one', () => {
    expect(OLDEST_SCHEMA_VERSION).toBe(1);
    expect(CURRENT_SCHEMA_VERSION).toBe(6);
    expect(migrations.map((step) => [step.name, step.from])).toEqual([
      ['AddGoals', 1],
      ['AddIncrementalForecasts', 2],
      ['AddOfferAnnouncement', 3],
      ['AddLaunch', 4],
      ['AddLanguage', 5],
    ]);
  });

  describe('AddGoals (v1 → v2)', () => {
    const { schemaVersion: _version, ...fields } = validJourney();
    const v1 = { ...fields, schemaVersion: 1 };
    const goals = [{ metric: 'conversionRate', comparison: '>=', target: 0.15, withinDays: 30 }];

    it('up adds an empty goals list', () => {
      expect(AddGoals.up(v1)).toEqual({ ...v1, goals: [] });
    });

    it('down removes the goals, whatever they were', () => {
      expect(AddGoals.down({ ...v1, schemaVersion: 2, goals })).toEqual({ ...v1, schemaVersion: 2 });
    });

    it('opens a version 1 file as the current version with no goals, without touching the input', () => {
      const frozen = JSON.stringify(v1);
      const result = migrate(v1);
      expect(result).toMatchObject({ ok: true, from: 1, applied: ['AddGoals', 'AddIncrementalForecasts', 'AddOfferAnnouncement', 'AddLaunch', 'AddLanguage'] });
      expect(JSON.stringify(v1)).toBe(frozen);
      const { document, problems, from } = checkJourney(v1);
      expect(from).toBe(1);
      expect(document).toMatchObject({ schemaVersion: 6, goals: [] });
      expect(document).not.toHaveProperty('language');
      expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    });

    it('takes a version 2 journey with goals down to a version 1 file that opens again, less the goals', () => {
      const current = checkJourney({ ...validJourney(), goals }).document!;
      expect(current.goals).toEqual(goals);
      const old = migrateDown(current as unknown as Record<string, unknown>, 1);
      expect(old.schemaVersion).toBe(1);
      expect(old).not.toHaveProperty('goals');
      expect(checkJourney(old).document).toEqual({ ...current, goals: [] });
    });

    it('keeps goals a hand-written version 1 file already has, and checks them', () => {
      expect(AddGoals.up({ ...v1, goals })).toEqual({ ...v1, goals });
      expect(checkJourney({ ...v1, goals }).document?.goals).toEqual(goals);
      const tooMany = validate({ ...v1, goals: [...goals, ...goals, ...goals, ...goals] });
      expect(tooMany.map((problem) => [problem.code, problem.location.path])).toEqual([['schema-invalid', ['goals']]]);
    });
  });

  describe('AddIncrementalForecasts (v2 → v3)', () => {
    const { schemaVersion: _version, ...fields } = validJourney();
    const v2 = { ...fields, schemaVersion: 2, settings: { horizon: 'P30D' } };

    it('up writes the default, false, into the settings, keeping the other settings', () => {
      expect(AddIncrementalForecasts.up(v2)).toEqual({ ...v2, settings: { horizon: 'P30D', optOutOfControlGroup: false } });
      const { settings: _settings, ...bare } = v2;
      expect(AddIncrementalForecasts.up(bare)).toEqual({ ...bare, settings: { optOutOfControlGroup: false } });
    });

    it('up keeps a value a hand-written file already has, and leaves settings that are not an object for the format check', () => {
      const optedOut = { ...v2, settings: { optOutOfControlGroup: true } };
      expect(AddIncrementalForecasts.up(optedOut)).toEqual(optedOut);
      const broken = { ...v2, settings: 'none' };
      expect(AddIncrementalForecasts.up(broken)).toEqual(broken);
    });

    it('down removes the opt-out, whatever it was', () => {
      expect(AddIncrementalForecasts.down({ ...v2, schemaVersion: 3, settings: { horizon: 'P30D', optOutOfControlGroup: true } })).toEqual({ ...v2, schemaVersion: 3 });
      expect(AddIncrementalForecasts.down({ ...v2, settings: null })).toEqual({ ...v2, settings: null });
    });

    it('drops, going down, the goals on metrics version 2 cannot read (the incremental ones)', () => {
      const goals = [
        { metric: 'incrementalRoi', operator: '>=', target: 0.2 },
        { metric: 'conversionRate', operator: '>=', target: 0.1 },
      ];
      expect(AddIncrementalForecasts.down({ ...v2, schemaVersion: 3, goals })).toMatchObject({ goals: [goals[1]] });
    });

    it('opens a version 2 file as the current version, not opted out, without touching the input', () => {
      const frozen = JSON.stringify(v2);
      expect(migrate(v2)).toMatchObject({ ok: true, from: 2, applied: ['AddIncrementalForecasts', 'AddOfferAnnouncement', 'AddLaunch', 'AddLanguage'] });
      const { document, problems, from } = checkJourney(v2);
      expect(JSON.stringify(v2)).toBe(frozen);
      expect(from).toBe(2);
      expect(document).toMatchObject({ schemaVersion: 6, settings: { horizon: 'P30D', optOutOfControlGroup: false, launch: null } });
      expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    });

    it('takes an opted-out journey down to a version 2 file that opens again, not opted out', () => {
      const current = checkJourney({ ...validJourney(), settings: { optOutOfControlGroup: true } }).document!;
      expect(current.settings.optOutOfControlGroup).toBe(true);
      const old = migrateDown(current as unknown as Record<string, unknown>, 2);
      expect(old.schemaVersion).toBe(2);
      expect(old.settings).not.toHaveProperty('optOutOfControlGroup');
      expect(checkJourney(old).document).toEqual({ ...current, settings: { ...current.settings, optOutOfControlGroup: false } });
    });

    it('refuses an opt-out that is not true or false, at its path', () => {
      const problems = validate({ ...validJourney(), settings: { optOutOfControlGroup: 'yes' } });
      expect(problems.map((problem) => [problem.code, problem.location.path])).toEqual([['schema-invalid', ['settings', 'optOutOfControlGroup']]]);
    });
  });

  describe('AddOfferAnnouncement (v3 → v4)', () => {
    const offer = (params?: Record<string, unknown>) => ({ id: 'coupon', kind: 'offer', ...(params ? { params } : {}) });
    const v3 = (nodes: unknown[]) => ({ ...validJourney(), schemaVersion: 3, nodes });

    it('up announces every offer with the next message unless the file says otherwise, touching no other node', () => {
      const input = v3([offer({ value: 20 }), offer(), offer({ announcement: 'none' }), { id: 'sms', kind: 'message', params: { channel: 'sms' } }, 'junk']);
      const frozen = JSON.stringify(input);
      const up = AddOfferAnnouncement.up(input);
      expect(up.nodes).toEqual([
        offer({ announcement: 'next-touch', value: 20 }),
        offer({ announcement: 'next-touch' }),
        offer({ announcement: 'none' }),
        { id: 'sms', kind: 'message', params: { channel: 'sms' } },
        'junk',
      ]);
      expect(JSON.stringify(input)).toBe(frozen);
    });

    it('down removes the announcement and the checkout chance, which version 3 does not know', () => {
      const current = { ...validJourney(), nodes: [...validJourney().nodes!, offer({ value: 20, validity: 'P7D', announcement: 'at-checkout', checkoutChance: 0.3 })] };
      const old = migrateDown(current as unknown as Record<string, unknown>, 3);
      expect(old.schemaVersion).toBe(3);
      const coupon = (old.nodes as { id: string; params: Record<string, unknown> }[]).find((node) => node.id === 'coupon')!;
      expect(coupon.params).not.toHaveProperty('announcement');
      expect(coupon.params).not.toHaveProperty('checkoutChance');
      expect(coupon.params).toMatchObject({ value: 20, validity: 'P7D' });
    });
  });

  describe('AddLaunch (v4 → v5)', () => {
    it('up writes an undated launch, keeping the other settings and a launch a file already has', () => {
      const v4 = { ...validJourney(), schemaVersion: 4, settings: { horizon: 'P30D' } };
      const frozen = JSON.stringify(v4);
      expect(AddLaunch.up(v4)).toEqual({ ...v4, settings: { horizon: 'P30D', launch: null } });
      expect(JSON.stringify(v4)).toBe(frozen);
      const dated = { date: '2027-06-18', time: '20:00', timeZone: 'Asia/Shanghai' };
      expect(AddLaunch.up({ ...v4, settings: { launch: dated } })).toMatchObject({ settings: { launch: dated } });
      expect(AddLaunch.up({ ...v4, settings: 'odd' })).toMatchObject({ settings: 'odd' });
    });

    it('down removes the launch, which version 4 does not know', () => {
      const current = checkJourney({ ...validJourney(), settings: { launch: { date: '2027-06-18' } } }).document!;
      expect(current.settings.launch).toEqual({ date: '2027-06-18', time: '09:00', timeZone: 'Asia/Shanghai' });
      const old = migrateDown(current as unknown as Record<string, unknown>, 4);
      expect(old.schemaVersion).toBe(4);
      expect(old.settings).not.toHaveProperty('launch');
    });

    it('refuses a date that does not exist, at its path, in both languages', () => {
      const problems = validate({ ...validJourney(), settings: { launch: { date: '2027-02-30' } } });
      expect(problems.map((problem) => [problem.code, problem.location.path])).toEqual([['schema-invalid', ['settings', 'launch', 'date']]]);
      expect(inEnglish(problems[0]!.message)).toContain('YYYY-MM-DD');
      expect(inChinese(problems[0]!.message)).toContain('YYYY-MM-DD');
    });
  });

  describe('AddLanguage (v5 → v6)', () => {
    const v5 = { ...validJourney(), schemaVersion: 5 };

    it('up changes nothing but the version: the language of an older journey is not known', () => {
      const frozen = JSON.stringify(v5);
      expect(AddLanguage.up(v5)).toEqual(v5);
      expect(JSON.stringify(v5)).toBe(frozen);
      expect(migrate(v5)).toMatchObject({ ok: true, from: 5, applied: ['AddLanguage'] });
      const { document, problems } = checkJourney(v5);
      expect(document?.schemaVersion).toBe(6);
      expect(document).not.toHaveProperty('language');
      expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    });

    it('down removes the language, which version 5 does not know, and the file opens again', () => {
      const current = checkJourney({ ...validJourney(), language: 'zh-CN' }).document!;
      expect(current.language).toBe('zh-CN');
      const old = migrateDown(current as unknown as Record<string, unknown>, 5);
      expect(old.schemaVersion).toBe(5);
      expect(old).not.toHaveProperty('language');
      const { language: _language, ...rest } = current;
      expect(checkJourney(old).document).toEqual(rest);
    });

    it('refuses a language Journey Lab does not have, at its path', () => {
      const problems = validate({ ...validJourney(), language: 'fr' });
      expect(problems.map((problem) => [problem.code, problem.location.path])).toEqual([['schema-invalid', ['language']]]);
    });
  });

  describe('a chain of named migrations (as later versions will add)', () => {
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
    const v1 = { ...validJourney(), schemaVersion: 1, settings: { currency: 'CNY' } };

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
      if (!result.ok) expect(inEnglish(result.problem.message)).toContain('No migration from format version 1 to 2');
    });
  });
});
