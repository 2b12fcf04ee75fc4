import { MS } from './duration';
// Declarative form fields: what the inspector shows for a node kind's params and for the journey's
// settings. Pure data plus a few path helpers; the app turns a FieldSpec into controls, labels, units
// and help, and validates what is typed with the kind's (or the settings') zod schema.
import { localized, type Localized } from '../i18n';
import { channels, channelInfo } from './channels';

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
  label: Localized;
  /**
   * Choosing this option replaces the whole object that holds the field with this value: how a
   * discriminated union switches variant (e.g. an entry trigger from "event" to "schedule").
   */
  replaces?: () => Record<string, unknown>;
}

/** The value may be switched off with a checkbox (e.g. "No cap"): null, or left out with `omit`. */
export interface NullableSpec {
  /** The checkbox's label; checked means switched off. */
  label: Localized;
  /** The value the field takes when the checkbox is cleared again. */
  enable: () => unknown;
  /** Switched off, the key is left out (an optional field) rather than set to null. */
  omit?: boolean;
}

/** How the items of a list are named and made. `{n}` in a text is the item's number, from 1. */
export interface ListItemSpec {
  /** Legend of one item, e.g. "Case {n}". */
  name: Localized;
  /** The add button, e.g. "Add case". */
  add: Localized;
  /** The remove button of one item, e.g. "Remove case {n}". */
  remove: Localized;
  /** A new item, given the items there are (to pick a fresh label). */
  create: (items: readonly unknown[]) => Record<string, unknown>;
  /** Fewest items the list may have: remove is disabled at this count. */
  minItems?: number;
}

/** A running total over one numeric key of a list's items, e.g. split weights (should be 100). */
export interface ListSumSpec {
  key: string;
  label: Localized;
  target?: number;
}

export interface FieldSpec {
  /** Param name or dotted path ("trigger.event"), relative to the params, settings, group or list item. */
  key: string;
  label: Localized;
  /** What the field means in marketing terms, in a sentence or two. */
  help: Localized;
  control: FieldControl;
  /** Shown after the input; 'currency' is the journey's currency (yuan for CNY). */
  unit?: Localized | 'currency';
  placeholder?: string | Localized;
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
export const numbered = (text: Localized, n: number): Localized => ({
  en: text.en.replaceAll('{n}', String(n)),
  'zh-CN': text['zh-CN'].replaceAll('{n}', String(n)),
});

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
    label: localized('Horizon', '模拟周期'),
    help: localized(
      'How long after launch the journey is simulated and reported. Make it longer than the slowest path, or late conversions are not counted.',
      '旅程上线后模拟和统计多长时间。应长于最慢的一条路径，否则较晚发生的转化不会被统计。',
    ),
    control: 'duration',
  },
  {
    key: 'frequencyCap',
    label: localized('Frequency cap', '频次上限'),
    help: localized(
      'At most this many touches per user in any window, across all channels. Touches over the cap are suppressed, so users are not bombarded until they unsubscribe.',
      '每个用户在任一时间窗口内最多收到的触达次数（所有渠道合计）。超出上限的触达会被拦截，避免过度打扰导致用户退订。',
    ),
    control: 'group',
    nullable: { label: localized('No cap', '不设上限'), enable: () => ({ touches: 3, window: 'P7D' }) },
    fields: [
      {
        key: 'touches',
        label: localized('Touches', '触达次数'),
        help: localized('The most touches one user may receive in any one window, counting every channel.', '一个用户在一个窗口内最多收到的触达次数（所有渠道合计）。'),
        unit: localized('touches', '次'),
        control: 'number',
        min: 1,
        step: 1,
      },
      {
        key: 'window',
        label: localized('Per window', '时间窗口'),
        help: localized('The rolling window the cap counts over, e.g. 7 days.', '频次上限的滚动统计窗口，例如 7 天。'),
        control: 'duration',
      },
    ],
  },
  {
    key: 'quietHours',
    label: localized('Quiet hours', '免打扰时段'),
    help: localized(
      'Local times between which no touch is sent; touches due then wait until the quiet hours end. Night-time SMS and calls annoy users and break rules in many markets.',
      '在此时段内不发送任何触达，期间到期的触达顺延到时段结束。深夜的短信和外呼会打扰用户，在很多地区也不合规。',
    ),
    control: 'group',
    nullable: { label: localized('No quiet hours', '不设免打扰时段'), enable: () => ({ start: '22:00', end: '08:00' }) },
    fields: [
      {
        key: 'start',
        label: localized('From', '开始'),
        help: localized('When quiet hours begin, as HH:MM (24-hour clock).', '免打扰开始时刻，格式 HH:MM（24 小时制）。'),
        control: 'time',
        placeholder: '22:00',
      },
      {
        key: 'end',
        label: localized('Until', '结束'),
        help: localized('When touches may be sent again, as HH:MM; may be on the next morning.', '恢复发送的时刻，格式 HH:MM；可以是次日早上。'),
        control: 'time',
        placeholder: '08:00',
      },
    ],
  },
  {
    key: 'exitOnGoal',
    label: localized('Exit on goal', '达成目标即退出'),
    help: localized(
      'When a user does a goal’s event anywhere in the journey, move them straight to that goal, so converted users stop receiving reminders and coupons.',
      '用户在旅程任意位置完成某个转化目标的事件时，立即把他移到该目标节点，已转化的用户不再收到提醒和优惠券。',
    ),
    control: 'boolean',
  },
  {
    key: 'reentry',
    label: localized('Re-entry', '重复进入'),
    help: localized(
      'Whether a user who has left the journey may enter it again, e.g. a second abandoned cart a month later.',
      '离开旅程的用户能否再次进入，例如一个月后又一次加购未下单。',
    ),
    control: 'group',
    fields: [
      {
        key: 'policy',
        label: localized('Policy', '策略'),
        help: localized(
          'Never: each user goes through once. After exit: a user may come in again once they have left.',
          '不允许：每个用户只经历一次。退出后可再次进入：用户离开后可以重新进入。',
        ),
        control: 'select',
        options: [
          { value: 'never', label: localized('Never', '不允许'), replaces: () => ({ policy: 'never' }) },
          {
            value: 'afterExit',
            label: localized('After exit', '退出后可再次进入'),
            replaces: () => ({ policy: 'afterExit', cooldown: 'P30D' }),
          },
        ],
      },
      {
        key: 'cooldown',
        label: localized('Cooldown', '冷却期'),
        help: localized(
          'How long after leaving before a user may enter again, so the same user is not run through the journey back to back.',
          '用户离开后需要间隔多久才能再次进入，避免同一用户被连续反复触达。',
        ),
        control: 'duration',
        when: { key: 'policy', in: ['afterExit'] },
        nullable: { label: localized('No cooldown', '无冷却期'), enable: () => 'P30D', omit: true },
      },
    ],
  },
  {
    key: 'currency',
    label: localized('Currency', '币种'),
    help: localized(
      'ISO 4217 code of all costs and offer values, e.g. CNY. Default channel costs are in yuan: set them below for another currency.',
      '所有成本和优惠金额使用的 ISO 4217 币种代码，例如 CNY。默认渠道成本以人民币计，使用其他币种时请在下方填写。',
    ),
    control: 'text',
    placeholder: 'CNY',
    maxLength: 3,
  },
  {
    key: 'channelCosts',
    label: localized('Cost per touch', '单次触达成本'),
    help: localized(
      'What one touch costs on each channel, for cost and ROI. Leave a channel empty to use its typical list price (shown greyed).',
      '各渠道每次触达的成本，用于计算成本和 ROI。留空则使用该渠道的常见价格（灰色显示）。',
    ),
    control: 'group',
    fields: channels.map(
      (channel): FieldSpec => ({
        key: channel,
        label: channelInfo[channel].name,
        help: localized(
          `Empty uses the default, ${channelInfo[channel].defaultCost} yuan per touch.`,
          `留空则使用默认值：每次 ${channelInfo[channel].defaultCost} 元。`,
        ),
        unit: currencyUnit,
        control: 'number',
        min: 0,
        optional: true,
        placeholder: String(channelInfo[channel].defaultCost),
      }),
    ),
  },
];
