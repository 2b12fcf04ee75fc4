import type { z } from 'zod';
import { builtinKinds } from '../../src/core/journey/registry';
import { settingsSchema } from '../../src/core/journey/schema';
import { parseDuration } from '../../src/core/journey/duration';
import {
  fieldControls,
  getIn,
  hasIn,
  isVisible,
  joinDuration,
  keyPath,
  numbered,
  parseScalar,
  setIn,
  settingsFields,
  splitDuration,
  durationUnits,
  type FieldPath,
  type FieldSpec,
} from '../../src/core/journey/fields';
import type { Message } from '../../src/core/i18n';
import { inBoth, inEnglish, inChinese } from '../support/messages.ts';
import { message } from '../../src/core/i18n';

const cjk = /[\u4e00-\u9fff]/;

/** A value of the right type for a field's control, to prove the schema accepts it at the field's path. */
function sample(field: FieldSpec): unknown {
  switch (field.control) {
    case 'text':
    case 'textarea':
    case 'scalar':
      return typeof field.placeholder === 'string' ? field.placeholder : 'x';
    case 'number':
      return field.min ?? 1;
    case 'boolean':
      return true;
    case 'select':
      return field.options?.[0]?.value;
    case 'time':
      return '09:30';
    case 'duration':
      return 'P2D';
    case 'event':
      return 'add_to_cart';
    case 'condition':
      return { tag: 'vip', present: true };
    default:
      return undefined;
  }
}

/** A root value in which `field` is visible: pick the option of the select it depends on. */
function revealing(field: FieldSpec, siblings: readonly FieldSpec[], root: unknown, at: FieldPath): unknown {
  if (!field.when || isVisible(field, getIn(root, at))) return root;
  const { key, in: allowed } = field.when;
  const controller = siblings.find((other) => other.key === key);
  const option = controller?.options?.find((candidate) => allowed.includes(candidate.value));
  expect(option, `${field.key} depends on ${key}, which must be a select offering ${allowed.join('/')}`).toBeDefined();
  const path = [...at, ...keyPath(key)];
  return option!.replaces ? setIn(root, path.slice(0, -1), option!.replaces()) : setIn(root, path, option!.value);
}

function expectLocalized(message: Message, what: string, needsChinese = true) {
  const text = inBoth(message);
  expect(text.en.trim().length, `${what} (en)`).toBeGreaterThan(0);
  expect(text['zh-CN'].trim().length, `${what} (zh-CN)`).toBeGreaterThan(0);
  if (needsChinese) expect(text['zh-CN'], `${what} (zh-CN)`).toMatch(cjk);
}

function checkFields(schema: z.ZodType, start: unknown, fields: readonly FieldSpec[], at: FieldPath, where: string) {
  for (const field of fields) {
    const what = `${where}: ${field.key}`;
    expect(fieldControls).toContain(field.control);
    expectLocalized(field.label, `${what} label`);
    expectLocalized(field.help, `${what} help`);
    expect(inEnglish(field.help).length, `${what} help says something`).toBeGreaterThan(20);
    if (field.unit && field.unit !== 'currency') expectLocalized(field.unit, `${what} unit`, false);
    for (const option of field.options ?? []) expectLocalized(option.label, `${what} option ${String(option.value)}`);
    if (field.nullable) expectLocalized(field.nullable.label, `${what} nullable label`);

    const root = revealing(field, fields, start, at);
    expect(schema.safeParse(root).success, `${what}: the value that reveals it is valid`).toBe(true);
    const path = [...at, ...keyPath(field.key)];
    if (!field.optional && !field.nullable?.omit) expect(hasIn(root, path), `${what}: ${path.join('.')} exists in the defaults`).toBe(true);

    const value = sample(field);
    if (value !== undefined) {
      const result = schema.safeParse(setIn(root, path, value));
      expect(result.success, `${what}: the schema takes a ${field.control} at ${path.join('.')}: ${result.error?.message}`).toBe(true);
    }
    for (const option of field.options ?? []) {
      const next = option.replaces ? setIn(root, path.slice(0, -1), option.replaces()) : setIn(root, path, option.value);
      expect(schema.safeParse(next).success, `${what}: option ${String(option.value)} is valid`).toBe(true);
    }
    if (field.nullable) {
      const off = field.nullable.omit ? setIn(root, path, undefined, true) : setIn(root, path, null);
      expect(schema.safeParse(off).success, `${what}: switched off is valid`).toBe(true);
      expect(schema.safeParse(setIn(root, path, field.nullable.enable())).success, `${what}: switched on again is valid`).toBe(true);
    }
    if (field.control === 'group') {
      expect(field.fields?.length, `${what}: a group has fields`).toBeGreaterThan(0);
      const inner = getIn(root, path) ?? field.nullable?.enable();
      checkFields(schema, setIn(root, path, inner ?? {}), field.fields ?? [], path, where);
    }
    if (field.control === 'list') {
      expect(field.fields?.length, `${what}: a list has item fields`).toBeGreaterThan(0);
      expect(field.item, `${what}: a list names and makes its items`).toBeDefined();
      const item = field.item!;
      for (const text of [item.name, item.add, item.remove]) expectLocalized(text, `${what} item text`);
      expect(inEnglish(item.name)).toContain('{n}');
      expect(inChinese(item.remove)).toContain('{n}');
      if (field.sum) expectLocalized(field.sum.label, `${what} sum label`);
      const items = getIn(root, path);
      expect(Array.isArray(items)).toBe(true);
      const grown = setIn(root, path, [...(items as unknown[]), item.create(items as unknown[])]);
      expect(schema.safeParse(grown).success, `${what}: a new item is valid`).toBe(true);
      checkFields(schema, grown, field.fields ?? [], [...path, (items as unknown[]).length], where);
    }
  }
}

describe('inspector fields', () => {
  it('every node kind describes its params as fields', () => {
    for (const kind of builtinKinds) expect(kind.fields?.length, kind.kind).toBeGreaterThan(0);
  });

  for (const kind of builtinKinds) {
    it(`${kind.kind}: every field is a real param, in both languages`, () => {
      const schema = kind.params as z.ZodType;
      const defaults = schema.parse({});
      checkFields(schema, defaults, kind.fields ?? [], [], kind.kind);
      // Every top-level param is shown.
      const shown = new Set((kind.fields ?? []).map((field) => keyPath(field.key)[0]));
      for (const param of Object.keys(defaults as object)) expect(shown, `${kind.kind}.${param} has a field`).toContain(param);
    });
  }

  it('journey settings: every field is a real setting, in both languages', () => {
    const defaults = settingsSchema.parse({});
    checkFields(settingsSchema, defaults, settingsFields, [], 'settings');
    const shown = new Set(settingsFields.map((field) => keyPath(field.key)[0]));
    for (const setting of Object.keys(defaults)) expect(shown, `settings.${setting} has a field`).toContain(setting);
  });

  it('rejects a field key that is not a param (the check above has teeth)', () => {
    const message = builtinKinds.find((kind) => kind.kind === 'message')!;
    const schema = message.params as z.ZodType;
    expect(schema.safeParse(setIn(schema.parse({}), ['chanel'], 'sms')).success).toBe(false);
  });
});

describe('field helpers', () => {
  it('writes durations in the unit they were entered in', () => {
    expect(joinDuration(30, 'minutes')).toBe('PT30M');
    expect(joinDuration(24, 'hours')).toBe('PT24H');
    expect(joinDuration(3, 'days')).toBe('P3D');
    expect(joinDuration(2, 'weeks')).toBe('P2W');
    for (const unit of durationUnits) for (const amount of [0, 1, 7, 36, 1.5]) {
      const iso = joinDuration(amount, unit);
      const ms = parseDuration(iso);
      expect(ms, iso).not.toBeNull();
      const back = splitDuration(ms!);
      expect(parseDuration(joinDuration(back.amount, back.unit))).toBe(ms);
    }
  });

  it('reads durations in the largest whole unit', () => {
    expect(splitDuration(parseDuration('P3D')!)).toEqual({ amount: 3, unit: 'days' });
    expect(splitDuration(parseDuration('PT36H')!)).toEqual({ amount: 36, unit: 'hours' });
    expect(splitDuration(parseDuration('P14D')!)).toEqual({ amount: 2, unit: 'weeks' });
    expect(splitDuration(parseDuration('P7D')!)).toEqual({ amount: 7, unit: 'days' });
    expect(splitDuration(parseDuration('P1W')!)).toEqual({ amount: 7, unit: 'days' });
    expect(splitDuration(parseDuration('PT90S')!)).toEqual({ amount: 1.5, unit: 'minutes' });
  });

  it('types scalars only when the text is unambiguous', () => {
    expect(parseScalar('12')).toBe(12);
    expect(parseScalar('-0.5')).toBe(-0.5);
    expect(parseScalar('true')).toBe(true);
    expect(parseScalar('0755')).toBe('0755');
    expect(parseScalar('1.')).toBe('1.');
    expect(parseScalar('north')).toBe('north');
  });

  it('sets and reads paths without changing the original', () => {
    const original = { a: { b: [1, 2] } };
    const next = setIn(original, ['a', 'b', 1], 5);
    expect(next).toEqual({ a: { b: [1, 5] } });
    expect(original).toEqual({ a: { b: [1, 2] } });
    expect(setIn({ a: 1, b: 2 }, ['a'], undefined, true)).toEqual({ b: 2 });
    expect(hasIn({ a: { b: 1 } }, ['a', 'b'])).toBe(true);
    expect(hasIn({ a: { b: 1 } }, ['a', 'c'])).toBe(false);
    expect(inBoth(numbered(message('core.journey.kinds.branch.case'), 2))).toEqual({ en: 'Case 2', 'zh-CN': '条件 2' });
  });
});
