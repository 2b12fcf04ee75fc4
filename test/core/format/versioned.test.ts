import { z } from 'zod';
import { localized } from '../../../src/core/i18n';
import { downgrade, upgrade, type Migration, type VersionedFormat } from '../../../src/core/format';
import { inEnglish, inChinese, withText } from '../../support/messages.ts';
import { verbatim } from '../../../src/core/i18n';

// A throwaway format, declared the way journeys, cohorts and lessons are: three versions, two steps.
const AddColour: Migration = {
  name: 'AddColour',
  from: 1,
  up: (document) => ({ colour: 'red', ...document }),
  down: ({ colour: _colour, ...document }) => document,
};
const RenameSize: Migration = {
  name: 'RenameSize',
  from: 2,
  up: ({ size, ...document }) => ({ ...document, width: size }),
  down: ({ width, ...document }) => ({ ...document, size: width }),
};

const widgetFormat: VersionedFormat<'widget-invalid' | 'widget-old' | 'widget-newer'> = {
  name: 'widget',
  current: 3,
  oldest: 1,
  // Any order: each step is found by its `from`.
  migrations: [RenameSize, AddColour],
  codes: { notAnObject: 'widget-invalid', missingVersion: 'widget-invalid', unsupportedVersion: 'widget-old', newerVersion: 'widget-newer' },
  words: {
    subject: verbatim(localized('The widget', '组件')),
    formatVersion: verbatim(localized('widget format version', '组件格式版本')),
    action: verbatim(localized('use it', '使用')),
    notAnObject: verbatim(localized('A widget is a JSON object.', '组件应为 JSON 对象。')),
  },
  schema: () => z.strictObject({ schemaVersion: z.literal(3), colour: z.string().default('red'), width: z.number() }),
  describedAs: { title: 'Widget', description: 'A throwaway format for tests.' },
};

const v1 = { schemaVersion: 1, size: 4 };
const v3 = { schemaVersion: 3, colour: 'red', width: 4 };

describe('a versioned format', () => {
  it('migrates up step by named step, saying which ran, without touching the input', () => {
    const frozen = JSON.stringify(v1);
    expect(upgrade(widgetFormat, v1)).toEqual({ ok: true, document: v3, from: 1, applied: ['AddColour', 'RenameSize'] });
    expect(upgrade(widgetFormat, { ...v3, schemaVersion: 2, size: 4, width: undefined })).toMatchObject({ ok: true, from: 2, applied: ['RenameSize'] });
    expect(upgrade(widgetFormat, v3)).toEqual({ ok: true, document: v3, from: 3, applied: [] });
    expect(JSON.stringify(v1)).toBe(frozen);
  });

  it('migrates down to any older version and back up to the same document', () => {
    const frozen = JSON.stringify(v3);
    expect(downgrade(widgetFormat, v3, 2)).toEqual({ schemaVersion: 2, colour: 'red', size: 4 });
    expect(downgrade(widgetFormat, v3, 1)).toEqual(v1);
    expect(downgrade(widgetFormat, v3, 3)).toEqual(v3);
    expect(JSON.stringify(v3)).toBe(frozen);
    const back = upgrade(widgetFormat, downgrade(widgetFormat, v3, 1));
    expect(back.ok && back.document).toEqual(v3);
    expect(() => downgrade(widgetFormat, v1, 0)).toThrow('No widget migration between format versions 0 and 1');
  });

  it('refuses a newer version with its own code, naming the version found and the versions supported in both languages', () => {
    const result = upgrade(widgetFormat, { schemaVersion: 4 });
    expect(!result.ok && withText(result.problem)).toEqual({
      severity: 'error',
      code: 'widget-newer',
      message: {
        en: 'The widget is format version 4, newer than the versions this Journey Lab supports (1–3). Update Journey Lab to use it.',
        'zh-CN': '组件的格式版本为 4，比本版 Journey Lab 支持的各版本新（1–3）。请升级 Journey Lab 后再使用。',
      },
      location: { path: ['schemaVersion'] },
    });
    // One supported version reads as one.
    const single = upgrade({ ...widgetFormat, oldest: 3 }, { schemaVersion: 4 });
    expect(!single.ok && inEnglish(single.problem.message)).toContain('newer than the version this Journey Lab supports (3).');
  });

  it.each([
    ['an older version than the oldest', 0],
    ['a fraction', 1.5],
    ['a string', '2'],
    ['null', null],
  ])('refuses %s as unsupported, naming it', (_name, version) => {
    const result = upgrade(widgetFormat, { schemaVersion: version });
    expect(result).toMatchObject({ ok: false, problem: { code: 'widget-old', location: { path: ['schemaVersion'] } } });
    if (!result.ok) {
      expect(inEnglish(result.problem.message)).toBe(`The widget is format version ${JSON.stringify(version)}, not one of the versions this Journey Lab supports (1–3).`);
      expect(inChinese(result.problem.message)).toContain(`${JSON.stringify(version)}，不在本版 Journey Lab 支持的范围内（1–3）`);
    }
  });

  it('refuses a missing version and a value that is not an object', () => {
    const missing = upgrade(widgetFormat, { size: 4 });
    expect(!missing.ok && withText(missing.problem)).toMatchObject({ code: 'widget-invalid', message: { en: 'The widget has no schemaVersion; this Journey Lab reads widget format versions 1–3.' }, location: { path: ['schemaVersion'] } });
    for (const input of [null, [], 42, 'widget', undefined])
      expect(upgrade(widgetFormat, input)).toEqual({
        ok: false,
        problem: { severity: 'error', code: 'widget-invalid', message: widgetFormat.words.notAnObject, location: { path: [] } },
      });
  });

  it('refuses, rather than crashes, when a step is missing from the chain', () => {
    const result = upgrade({ ...widgetFormat, migrations: [RenameSize] }, v1);
    expect(result).toMatchObject({ ok: false, problem: { code: 'widget-old' } });
    if (!result.ok) expect(inEnglish(result.problem.message)).toBe('No migration from widget format version 1 to 2; this Journey Lab supports 1–3.');
  });
});
