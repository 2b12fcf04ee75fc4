// Campaign history: per send (customer, channel, time, and whether it was delivered, opened, clicked,
// unsubscribed from, converted: yes/no or the time it happened) or aggregated (campaign, channel, day,
// and counts), to counts per channel, per local send hour and per weekday — what channel responses
// and timing are fitted from.
import { hasWrongColumnCount } from './records';
import { z } from 'zod';
import { weekdayOf } from '../../calendar';
import { message, type Message } from '../../i18n';
import { channels, type Channel } from '../../journey/channels';
import { campaignCounts, campaignNames, matchNames, normalizeName, type CampaignCount } from './columnNames';
import { dateFormats, detectDateFormat, parseDate } from './dates';
import { GrowableColumn, Interner } from './growable';
import { countRow, emptyRejected, type RejectedRows } from './lineLists';
import { parseFlag, parseNumber } from './numbers';
import type { RowReason } from './reasons';
import type { TableLayout, TableRow } from './table';
import { importTimeZoneSchema } from './timeZones';

export const campaignOutcomes = ['delivered', 'opened', 'clicked', 'unsubscribed', 'converted'] as const satisfies readonly CampaignCount[];
export type CampaignOutcome = (typeof campaignOutcomes)[number];

const column = z.int().min(0).max(100_000);
const common = {
  columnCount: z.int().min(1).max(100_000),
  channel: column,
  dateFormat: z.enum(dateFormats).nullable().default(null),
  timeZone: importTimeZoneSchema.default('Asia/Shanghai'),
  /** Channel names of the file mapped to the product's channels, beyond the names known (短信, push …). */
  channelNames: z.record(z.string(), z.enum(channels)).default({}),
};

export const campaignMappingSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('sends'),
    ...common,
    customerId: column.nullable().default(null),
    sentAt: column.nullable().default(null),
    outcomes: z.partialRecord(z.enum(campaignOutcomes), column).default({}),
  }),
  z.strictObject({
    kind: z.literal('aggregated'),
    ...common,
    campaign: column.nullable().default(null),
    day: column.nullable().default(null),
    counts: z.strictObject({ sent: column }).extend(Object.fromEntries(campaignOutcomes.map((outcome) => [outcome, column.optional()])) as Record<CampaignOutcome, z.ZodOptional<typeof column>>),
  }),
]);
export type CampaignMapping = z.output<typeof campaignMappingSchema>;

/** Names of each channel in files, normalised (columnNames.ts normalizeName). */
const channelSynonyms: Record<Channel, readonly string[]> = {
  sms: ['sms', 'text', 'textmessage', 'mms', '短信', '短消息', '手机短信', '彩信'],
  push: ['push', 'apppush', 'pushnotification', 'notification', '推送', 'app推送', '消息推送', '通知'],
  email: ['email', 'mail', 'edm', 'newsletter', '邮件', '电子邮件', '邮箱'],
  wechat_oa: ['wechatoa', 'wechat', 'weixin', 'officialaccount', 'wechatofficialaccount', '公众号', '微信公众号', '微信', '服务号', '订阅号', '模板消息'],
  wecom: ['wecom', 'wework', 'wechatwork', '企业微信', '企微', '企业微信私聊', '私聊'],
  in_app: ['inapp', 'in_app', 'popup', 'banner', 'inappmessage', '站内信', '应用内', '应用内消息', '弹窗', 'app内', '站内消息'],
  community: ['community', 'group', 'groupchat', '社群', '群', '微信群', '社区', '群聊'],
  call: ['call', 'phone', 'phonecall', 'outbound', 'telemarketing', '电话', '外呼', '电销', '呼叫'],
};
const channelByName = new Map(channels.flatMap((channel) => channelSynonyms[channel].map((name) => [name, channel] as const)));

/** The product's channel a file's channel name means (its own mapping first, then the known names), or null. */
export function channelOf(name: string, overrides: Readonly<Record<string, Channel>> = {}): Channel | null {
  return overrides[name] ?? overrides[name.trim()] ?? channelByName.get(normalizeName(name)) ?? ((channels as readonly string[]).includes(name.trim()) ? (name.trim() as Channel) : null);
}

/** The local hour (0–23) of a time in days, rounded to the second first (20:00 is 0.8333… of a day, which × 24 falls short of 20). */
const hourOf = (time: number): number => Math.min(23, Math.floor(Math.round((time - Math.floor(time)) * 86_400) / 3600));

export type OutcomeCounts = Record<CampaignCount, number>;
const noCounts = (): OutcomeCounts => ({ sent: 0, delivered: 0, opened: 0, clicked: 0, unsubscribed: 0, converted: 0 });

export interface CampaignSummary {
  byChannel: Partial<Record<Channel, OutcomeCounts>>;
  /** Per channel, 24 entries: by local hour of the send (sends with a time only). */
  byHour: Partial<Record<Channel, OutcomeCounts[]>>;
  /** Per channel, 7 entries, Monday first: by weekday of the send or day. */
  byWeekday: Partial<Record<Channel, OutcomeCounts[]>>;
  /** Outcomes the file has; for the others the counts are 0 (delivered: taken as sent, see deliveredAssumed). */
  outcomesKnown: CampaignOutcome[];
  /** True when the file says nothing of delivery, so every send is counted as delivered. */
  deliveredAssumed: boolean;
  /** Per-send files: each send, for segmenting later; outcome bits in campaignOutcomes order (bit 0 delivered). */
  sends: { length: number; customer: Int32Array; channel: Uint8Array; time: Float64Array; outcomes: Uint8Array } | null;
}

export const campaignRejections = ['wrong-column-count', 'missing-channel', 'unknown-channel', 'missing-date', 'bad-date', 'bad-count', 'bad-outcome'] as const satisfies readonly RowReason[];
export type CampaignRejection = (typeof campaignRejections)[number];

export interface CampaignReport {
  rowsRead: number;
  accepted: number;
  rejected: Record<CampaignRejection, RejectedRows>;
  /** Channel names no channel was found for, with their rows: map them in `channelNames`. */
  unknownChannels: { name: string; count: number }[];
}

export interface CampaignImport {
  summary: CampaignSummary;
  report: CampaignReport;
  problem: Message | null;
}

export interface CampaignReader {
  push(rows: readonly TableRow[]): void;
  finish(): CampaignImport;
}

export function createCampaignReader(mapping: CampaignMapping, options: { customers?: Interner } = {}): CampaignReader {
  const customers = options.customers ?? new Interner();
  const byChannel: Partial<Record<Channel, OutcomeCounts>> = {};
  const byHour: Partial<Record<Channel, OutcomeCounts[]>> = {};
  const byWeekday: Partial<Record<Channel, OutcomeCounts[]>> = {};
  const rejected = Object.fromEntries(campaignRejections.map((reason) => [reason, emptyRejected()])) as Record<CampaignRejection, RejectedRows>;
  const unknown = new Map<string, number>();
  const outcomeColumns: Partial<Record<CampaignOutcome, number>> = mapping.kind === 'sends' ? mapping.outcomes : mapping.counts;
  const outcomesKnown = campaignOutcomes.filter((outcome) => outcomeColumns[outcome] !== undefined);
  const timeColumn = mapping.kind === 'sends' ? mapping.sentAt : mapping.day;
  const used = [mapping.channel, timeColumn ?? 0, ...Object.values(outcomeColumns), mapping.kind === 'sends' ? (mapping.customerId ?? 0) : (mapping.campaign ?? 0), mapping.kind === 'aggregated' ? mapping.counts.sent : 0];
  const reach = used.reduce((widest, index) => Math.max(widest, index ?? 0), 0) + 1;
  const sends =
    mapping.kind === 'sends' ? { customer: new GrowableColumn(Int32Array), channel: new GrowableColumn(Uint8Array), time: new GrowableColumn(Float64Array), outcomes: new GrowableColumn(Uint8Array) } : null;
  let rowsRead = 0;
  let accepted = 0;

  const add = (target: OutcomeCounts, counts: OutcomeCounts) => {
    for (const key of campaignCounts) target[key] += counts[key];
  };

  /** One row's counts, or the reason it is rejected. */
  const countsOf = (cells: readonly string[]): OutcomeCounts | CampaignRejection => {
    const counts = noCounts();
    if (mapping.kind === 'aggregated') {
      for (const key of campaignCounts) {
        const index = key === 'sent' ? mapping.counts.sent : mapping.counts[key];
        if (index === undefined) continue;
        const value = cells[index] === '' ? 0 : parseNumber(cells[index]!);
        if (value === null || value < 0 || !Number.isInteger(value)) return 'bad-count';
        counts[key] = value;
      }
    } else {
      counts.sent = 1;
      for (const outcome of campaignOutcomes) {
        const index = mapping.outcomes[outcome];
        if (index === undefined) continue;
        const cell = cells[index]!;
        const flag = cell === '' ? false : (parseFlag(cell) ?? (mapping.dateFormat !== null && parseDate(cell, mapping.dateFormat, mapping.timeZone) !== null ? true : null));
        if (flag === null) return 'bad-outcome';
        counts[outcome] = flag ? 1 : 0;
      }
    }
    if (outcomeColumns.delivered === undefined) counts.delivered = counts.sent;
    return counts;
  };

  return {
    push(batch) {
      for (const row of batch) {
        rowsRead++;
        const cells = row.cells;
        if (hasWrongColumnCount(cells, reach, mapping.columnCount)) {
          countRow(rejected['wrong-column-count'], row);
          continue;
        }
        const name = cells[mapping.channel]!;
        if (name === '') {
          countRow(rejected['missing-channel'], row);
          continue;
        }
        const channel = channelOf(name, mapping.channelNames);
        if (channel === null) {
          countRow(rejected['unknown-channel'], row);
          unknown.set(name, (unknown.get(name) ?? 0) + 1);
          continue;
        }
        let time: number | null = null;
        if (timeColumn !== null) {
          const text = cells[timeColumn]!;
          if (text === '') {
            countRow(rejected['missing-date'], row);
            continue;
          }
          time = mapping.dateFormat === null ? null : parseDate(text, mapping.dateFormat, mapping.timeZone);
          if (time === null) {
            countRow(rejected['bad-date'], row);
            continue;
          }
        }
        const counts = countsOf(cells);
        if (typeof counts === 'string') {
          countRow(rejected[counts], row);
          continue;
        }
        accepted++;
        add((byChannel[channel] ??= noCounts()), counts);
        if (time !== null) {
          add(((byWeekday[channel] ??= Array.from({ length: 7 }, noCounts))[weekdayOf(Math.floor(time))]!), counts);
          if (mapping.kind === 'sends') add(((byHour[channel] ??= Array.from({ length: 24 }, noCounts))[hourOf(time)]!), counts);
        }
        if (sends && mapping.kind === 'sends') {
          const id = mapping.customerId === null ? '' : cells[mapping.customerId]!;
          sends.customer.push(id === '' ? -1 : customers.intern(id));
          sends.channel.push(channels.indexOf(channel));
          sends.time.push(time ?? NaN);
          sends.outcomes.push(campaignOutcomes.reduce((bits, outcome, bit) => bits | (counts[outcome] ? 1 << bit : 0), 0));
        }
      }
    },
    finish() {
      const summary: CampaignSummary = {
        byChannel,
        byHour,
        byWeekday,
        outcomesKnown,
        deliveredAssumed: outcomeColumns.delivered === undefined,
        sends: sends
          ? { length: sends.customer.length, customer: sends.customer.values().slice(), channel: sends.channel.values().slice(), time: sends.time.values().slice(), outcomes: sends.outcomes.values().slice() }
          : null,
      };
      const unknownChannels = [...unknown].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count);
      const report: CampaignReport = { rowsRead, accepted, rejected, unknownChannels };
      const problem =
        rowsRead === 0
          ? message('core.calibration.import.file.noRows')
          : accepted === 0
            ? unknownChannels.length > 0 && rejected['unknown-channel'].count === rowsRead
              ? message('core.calibration.import.campaigns.noKnownChannel', { names: unknownChannels.slice(0, 5).map((entry) => entry.name).join(', ') })
              : message('core.calibration.import.campaigns.noneUsable', { rows: rowsRead })
            : null;
      return { summary, report, problem };
    },
  };
}

/**
 * A first campaign mapping from the header: aggregated when a column of send counts is found (发送量,
 * sent) and holds numbers above 1, per send otherwise; columns by name; the date format detected.
 * Null when no channel column is named.
 */
export function guessCampaignMapping(layout: TableLayout, rows: readonly (readonly string[])[]): CampaignMapping | null {
  if (!layout.header) return null;
  const fields = ['customerId', 'campaign', 'channel', 'sentAt', ...campaignCounts] as const;
  const found = matchNames(layout.header, campaignNames, fields);
  if (found.channel === undefined) return null;
  const at = (index: number | undefined) => rows.map((row) => row[index ?? -1] ?? '');
  const dates = found.sentAt === undefined ? null : detectDateFormat(at(found.sentAt));
  const base = { columnCount: layout.columnCount, channel: found.channel, dateFormat: dates?.format ?? null, timeZone: 'Asia/Shanghai' as const, channelNames: {} };
  const outcomes = Object.fromEntries(campaignOutcomes.filter((outcome) => found[outcome] !== undefined).map((outcome) => [outcome, found[outcome]!]));
  const aggregated = found.sent !== undefined && at(found.sent).some((cell) => (parseNumber(cell) ?? 0) > 1);
  if (aggregated) return { ...base, kind: 'aggregated', campaign: found.campaign ?? null, day: found.sentAt ?? null, counts: { sent: found.sent!, ...outcomes } };
  return { ...base, kind: 'sends', customerId: found.customerId ?? null, sentAt: found.sentAt ?? null, outcomes };
}
