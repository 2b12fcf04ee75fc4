import { MS } from './duration';
// Declarative form fields: what the inspector shows for a node kind's params and for the journey's
// settings. Pure data plus a few path helpers; the app turns a FieldSpec into controls, labels, units
// and help, and validates what is typed with the kind's (or the settings') zod schema.
import { message, type Message , verbatim } from '../i18n';
import { channels, channelInfo } from './channels';
import { launchTimeZones } from './schema';

/** A path into params or settings: object keys and array indices. */
export type FieldPath = (string | number)[];

/**
 * How a value is edited.
 * - text / textarea: a string; number: a number (min, max, step); boolean: a checkbox;
 * - select: one of `options`; time: a clock time "HH:MM";
 * - duration: an ISO-8601 duration, edited as an amount and a unit (minutes, hours, days, weeks);
 * - event: a behaviour event name, picked from the known events or typed;
 * - condition: a condition on the user (see condition.ts), edited with a row builder;
 * - scalar: a string, number or boolean typed as text ("12" is a number, "true" a boolean);
 * - group: an object whose own `fields` are shown together (keys relative to the group);
 * - list: an array of objects, each shown with `fields` (keys relative to the item).
 */
export const fieldControls = [
  'text',
  'textarea',
  'number',
  'boolean',
  'select',
  'time',
  'duration',
  'event',
  'condition',
  'scalar',
  'group',
  'list',
] as const;
export type FieldControl = (typeof fieldControls)[number];

export type FieldValue = string | number | boolean | null;

export interface FieldOption {
  value: string | number | boolean;
  label: Message;
  /**
   * Choosing this option replaces the whole object that holds the field with this value: how a
   * discriminated union switches variant (e.g. an entry trigger from "event" to "schedule").
   */
  replaces?: () => Record<string, unknown>;
}

/** The value may be switched off with a checkbox (e.g. "No cap"): null, or left out with `omit`. */
export interface NullableSpec {
  /** The checkbox's label; checked means switched off. */
  label: Message;
  /** The value the field takes when the checkbox is cleared again. */
  enable: () => unknown;
  /** Switched off, the key is left out (an optional field) rather than set to null. */
  omit?: boolean;
}

/** How the items of a list are named and made. `{n}` in a text is the item's number, from 1. */
export interface ListItemSpec {
  /** Legend of one item, e.g. "Case {n}". */
  name: Message;
  /** The add button, e.g. "Add case". */
  add: Message;
  /** The remove button of one item, e.g. "Remove case {n}". */
  remove: Message;
  /** A new item, given the items there are (to pick a fresh label). */
  create: (items: readonly unknown[]) => Record<string, unknown>;
  /** Fewest items the list may have: remove is disabled at this count. */
  minItems?: number;
}

/** A running total over one numeric key of a list's items, e.g. split weights (should be 100). */
export interface ListSumSpec {
  key: string;
  label: Message;
  target?: number;
}

export interface FieldSpec {
  /** Param name or dotted path ("trigger.event"), relative to the params, settings, group or list item. */
  key: string;
  label: Message;
  /** What the field means in marketing terms, in a sentence or two. */
  help: Message;
  control: FieldControl;
  /** Shown after the input; 'currency' is the journey's currency (yuan for CNY). */
  unit?: Message | 'currency';
  placeholder?: string | Message;
  options?: readonly FieldOption[];
  min?: number;
  max?: number;
  step?: number;
  maxLength?: number;
  /** An empty input leaves the key out (the schema then uses its default, e.g. a channel's list price). */
  optional?: boolean;
  nullable?: NullableSpec;
  /** Only shown when the value at `key` (same scope) is one of `in`. */
  when?: { key: string; in: readonly FieldValue[] };
  /** Fields of a group, or of each item of a list. */
  fields?: readonly FieldSpec[];
  /** For lists: naming and making items. */
  item?: ListItemSpec;
  /** For lists: a total shown under the items. */
  sum?: ListSumSpec;
}

/* ------------------------------------------------------------------------------------------------ */
/* Paths                                                                                            */

/** "trigger.event" → ["trigger", "event"]. */
export const keyPath = (key: string): FieldPath => key.split('.').filter(Boolean);

/** A stable string for a path, usable as a map key. */
export const pathKey = (path: readonly (string | number)[]): string => JSON.stringify(path);

/** Whether `prefix` is a (not necessarily proper) prefix of `path`. */
export function isPrefix(prefix: readonly (string | number)[], path: readonly (string | number)[]): boolean {
  return prefix.length <= path.length && prefix.every((part, index) => path[index] === part);
}

export function getIn(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

/** Whether the object or array at `path`'s parent has the last key of `path`. */
export function hasIn(value: unknown, path: readonly (string | number)[]): boolean {
  if (path.length === 0) return true;
  const parent = getIn(value, path.slice(0, -1));
  if (parent === null || typeof parent !== 'object') return false;
  const last = path[path.length - 1]!;
  return Array.isArray(parent) ? typeof last === 'number' && last < parent.length : Object.hasOwn(parent, last);
}

/**
 * A copy of `value` with `next` at `path` (or the key removed when `next` is `undefined` and `remove`
 * is set). Missing objects along the path are created; nothing is changed in place.
 */
export function setIn(value: unknown, path: readonly (string | number)[], next: unknown, remove = false): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const container = value !== null && typeof value === 'object' ? value : typeof head === 'number' ? [] : {};
  const child = setIn((container as Record<string | number, unknown>)[head], rest, next, remove);
  if (Array.isArray(container)) {
    const copy = [...(container as unknown[])];
    if (remove && rest.length === 0 && typeof head === 'number') copy.splice(head, 1);
    else copy[head as number] = child;
    return copy;
  }
  const copy: Record<string, unknown> = { ...(container as Record<string, unknown>) };
  if (remove && rest.length === 0) delete copy[head];
  else copy[head] = child;
  return copy;
}

/** Whether a field is shown for the object (`scope`) it belongs to. */
export function isVisible(field: FieldSpec, scope: unknown): boolean {
  if (!field.when) return true;
  const current = getIn(scope, keyPath(field.when.key));
  return field.when.in.some((allowed) => allowed === current);
}

/** `{n}` in a list text, filled with an item number. */
export const numbered = (text: Message, n: number): Message => ({ ...text, values: { ...text.values, n } });

/* ------------------------------------------------------------------------------------------------ */
/* Durations as amount + unit                                                                       */

export const durationUnits = ['minutes', 'hours', 'days', 'weeks'] as const;
export type DurationUnit = (typeof durationUnits)[number];

export const durationUnitMs: Record<DurationUnit, number> = { minutes: MS.minute, hours: MS.hour, days: MS.day, weeks: MS.week };

/**
 * How a duration in milliseconds reads as one amount in one unit: the largest unit that divides it
 * exactly (P3D → 3 days, PT36H → 36 hours, P14D → 2 weeks, but P7D → 7 days, as people say it),
 * else minutes (possibly fractional).
 */
export function splitDuration(ms: number): { amount: number; unit: DurationUnit } {
  if (ms === 0) return { amount: 0, unit: 'days' };
  for (const unit of [...durationUnits].reverse()) {
    const amount = ms / durationUnitMs[unit];
    if (unit === 'weeks' && amount < 2) continue;
    if (Number.isInteger(amount)) return { amount, unit };
  }
  return { amount: ms / durationUnitMs.minutes, unit: 'minutes' };
}

/** An amount in a unit as an ISO-8601 duration: 30 minutes → PT30M, 24 hours → PT24H, 3 days → P3D, 2 weeks → P2W. */
export function joinDuration(amount: number, unit: DurationUnit): string {
  const text = String(amount);
  switch (unit) {
    case 'minutes':
      return `PT${text}M`;
    case 'hours':
      return `PT${text}H`;
    case 'days':
      return `P${text}D`;
    case 'weeks':
      return `P${text}W`;
  }
}

/* ------------------------------------------------------------------------------------------------ */
/* Scalars typed as text                                                                            */

/**
 * "12" → 12, "true" → true, anything else the text itself. Only numbers written the way they print are
 * numbers, so "0755" (a code) and "1." (half typed) stay text.
 */
export function parseScalar(text: string): string | number | boolean {
  const trimmed = text.trim();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  if (/^-?(0|[1-9]\d*)(\.\d*[1-9])?$/.test(trimmed)) return Number(trimmed);
  return text;
}

export const formatScalar = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/** The text a localized label reads in a language ('currency' units are resolved by the caller). */

/* ------------------------------------------------------------------------------------------------ */
/* Journey settings                                                                                 */

const currencyUnit = 'currency' as const;

export const settingsFields: readonly FieldSpec[] = [
  {
    key: 'horizon',
    label: message('core.journey.fields.horizon'),
    help: message('core.journey.fields.howLongAfterLaunchThe'),
    control: 'duration',
  },
  {
    key: 'frequencyCap',
    label: message('core.journey.fields.frequencyCap'),
    help: message('core.journey.fields.atMostThisManyTouches'),
    control: 'group',
    nullable: { label: message('core.journey.fields.noCap'), enable: () => ({ touches: 3, window: 'P7D' }) },
    fields: [
      {
        key: 'touches',
        label: message('core.journey.fields.touches'),
        help: message('core.journey.fields.theMostTouchesOneUser'),
        unit: message('core.journey.fields.touches2'),
        control: 'number',
        min: 1,
        step: 1,
      },
      {
        key: 'window',
        label: message('core.journey.fields.perWindow'),
        help: message('core.journey.fields.theRollingWindowTheCap'),
        control: 'duration',
      },
    ],
  },
  {
    key: 'quietHours',
    label: message('core.journey.fields.quietHours'),
    help: message('core.journey.fields.localTimesBetweenWhichNo'),
    control: 'group',
    nullable: { label: message('core.journey.fields.noQuietHours'), enable: () => ({ start: '22:00', end: '08:00' }) },
    fields: [
      {
        key: 'start',
        label: message('core.journey.fields.from'),
        help: message('core.journey.fields.whenQuietHoursBeginAs'),
        control: 'time',
        placeholder: '22:00',
      },
      {
        key: 'end',
        label: message('core.journey.fields.until'),
        help: message('core.journey.fields.whenTouchesMayBeSent'),
        control: 'time',
        placeholder: '08:00',
      },
    ],
  },
  {
    key: 'launch',
    label: message('core.journey.fields.launch'),
    help: message('core.journey.fields.launchHelp'),
    control: 'group',
    nullable: { label: message('core.journey.fields.undatedLaunch'), enable: () => ({ date: '2027-06-01', time: '09:00', timeZone: 'Asia/Shanghai' }) },
    fields: [
      {
        key: 'date',
        label: message('core.journey.fields.launchDate'),
        help: message('core.journey.fields.launchDateHelp'),
        control: 'text',
        placeholder: '2027-06-01',
        maxLength: 10,
      },
      {
        key: 'time',
        label: message('core.journey.fields.launchTime'),
        help: message('core.journey.fields.launchTimeHelp'),
        control: 'time',
        placeholder: '09:00',
      },
      {
        key: 'timeZone',
        label: message('core.journey.fields.timeZone'),
        help: message('core.journey.fields.timeZoneHelp'),
        control: 'select',
        options: launchTimeZones.map((zone) => ({ value: zone, label: message(`core.journey.fields.zones.${zone.replace('/', '_')}`) })),
      },
    ],
  },
  {
    key: 'exitOnGoal',
    label: message('core.journey.fields.exitOnGoal'),
    help: message('core.journey.fields.whenAUserDoesA'),
    control: 'boolean',
  },
  {
    key: 'optOutOfControlGroup',
    label: message('core.journey.fields.simulateTheControlGroupToo'),
    help: message('core.journey.fields.simulateTheControlGroupTooHelp'),
    control: 'boolean',
  },
  {
    key: 'reentry',
    label: message('core.journey.fields.reEntry'),
    help: message('core.journey.fields.whetherAUserWhoHas'),
    control: 'group',
    fields: [
      {
        key: 'policy',
        label: message('core.journey.fields.policy'),
        help: message('core.journey.fields.neverEachUserGoesThrough'),
        control: 'select',
        options: [
          { value: 'never', label: message('core.journey.fields.never'), replaces: () => ({ policy: 'never' }) },
          {
            value: 'afterExit',
            label: message('core.journey.fields.afterExit'),
            replaces: () => ({ policy: 'afterExit', cooldown: 'P30D' }),
          },
        ],
      },
      {
        key: 'cooldown',
        label: message('core.journey.fields.cooldown'),
        help: message('core.journey.fields.howLongAfterLeavingBefore'),
        control: 'duration',
        when: { key: 'policy', in: ['afterExit'] },
        nullable: { label: message('core.journey.fields.noCooldown'), enable: () => 'P30D', omit: true },
      },
    ],
  },
  {
    key: 'currency',
    label: message('core.journey.fields.currency'),
    help: message('core.journey.fields.iso4217CodeOfAll'),
    control: 'text',
    placeholder: 'CNY',
    maxLength: 3,
  },
  {
    key: 'channelCosts',
    label: message('core.journey.fields.costPerTouch'),
    help: message('core.journey.fields.whatOneTouchCostsOn'),
    control: 'group',
    fields: channels.map(
      (channel): FieldSpec => ({
        key: channel,
        label: verbatim(channelInfo[channel].name),
        help: message('core.journey.fields.emptyUsesTheDefaultYuan', { defaultCost: channelInfo[channel].defaultCost }),
        unit: currencyUnit,
        control: 'number',
        min: 0,
        optional: true,
        placeholder: String(channelInfo[channel].defaultCost),
      }),
    ),
  },
];
