import { z } from 'zod';
import { defineNodeKind } from './defineKind';
import { localized } from '../../i18n';
import { durationSchema, parseDuration, describeDuration } from '../duration';
import { eventNameSchema, eventLabel } from '../events';
import { conditionSchema, describeCondition } from '../condition';
import { conditionGuard } from '../../compile/operations';

const params = z.strictObject({
  event: eventNameSchema.default('purchase').meta({ description: 'What the user must do to leave through "happened".' }),
  timeout: durationSchema.default('P1D').meta({ description: 'How long to wait before leaving through "timeout".' }),
  filter: conditionSchema.nullable().default(null).meta({ description: 'Only count the event when the user then matches this; null for always.' }),
});

const timeoutOf = (p: { timeout: string }) => parseDuration(p.timeout) ?? 0;

export const waitForEventKind = defineNodeKind({
  kind: 'waitForEvent',
  group: 'timing',
  icon: '⌛',
  name: localized('Wait for event', '等待事件'),
  description: localized(
    'Waits until the user does something (buys, clicks, visits…) or the time runs out, and continues on a different path for each: the heart of “remind only those who did not act”.',
    '等待用户做某件事（购买、点击、访问……）或超时，两种结果走不同路径：这是“只提醒没有行动的人”的关键。',
  ),
  params,
  fields: [
    {
      key: 'event',
      label: localized('Wait until', '等待的事件'),
      help: localized(
        'What the user must do to leave through “happened”, e.g. a purchase after a cart reminder. Those who do it move on; the others leave through “timeout”.',
        '用户做了这件事就从“已发生”离开，例如加购提醒之后的购买。做了的用户继续往下走，没做的从“超时”离开。',
      ),
      control: 'event',
    },
    {
      key: 'timeout',
      label: localized('Timeout', '超时时长'),
      help: localized(
        'How long to wait before giving up and leaving through “timeout”. Without it users who never act would wait for ever; its length is the time you give them before the next reminder or coupon.',
        '等待多久后放弃，从“超时”离开。没有超时，始终不行动的用户会永远停在这里；它的长短就是下一次提醒或发券之前留给用户的时间。',
      ),
      control: 'duration',
    },
    {
      key: 'filter',
      label: localized('Only count if', '仅当满足'),
      help: localized(
        'Only count the event when the user then matches this, e.g. a purchase by a VIP; otherwise any occurrence counts.',
        '只有用户同时满足该条件时才算事件发生，例如 VIP 用户的购买；不设则任何一次都算。',
      ),
      control: 'condition',
      nullable: { label: localized('Any user (no filter)', '不限（不筛选）'), enable: () => ({ all: [] }) },
    },
  ],
  ports: () => [
    { id: 'happened', label: localized('happened', '已发生') },
    { id: 'timeout', label: localized('timeout', '超时') },
  ],
  summary(p, lang) {
    const text = `${eventLabel(p.event)[lang]} ≤ ${describeDuration(timeoutOf(p), lang)}`;
    return p.filter ? `${text} · ${describeCondition(p.filter, lang)}` : text;
  },
  timing: (p) => ({
    minMs: 0,
    maxMs: timeoutOf(p),
    waitsForUser: true,
    byPort: { happened: [0, timeoutOf(p)], timeout: [timeoutOf(p), timeoutOf(p)] },
  }),
  problems: {
    'wait-for-event-without-timeout': {
      severity: 'error',
      title: localized('Wait for event without a timeout', '等待事件未设置超时'),
      fix: localized(
        'Give the wait a timeout longer than zero, so users who never act move on instead of waiting for ever.',
        '设置大于零的超时时长，让始终不行动的用户继续往下走，而不是永远等待。',
      ),
    },
  },
  validate(node, context) {
    if (timeoutOf(node.params) <= 0)
      context.report(
        'wait-for-event-without-timeout',
        localized(`"${node.label || node.id}" has a zero timeout.`, `「${node.label || node.id}」的超时时长为零。`),
        ['timeout'],
      );
  },
  compile: (node, context) => ({
    entry: context.enter,
    on: {
      [node.params.event]: [
        {
          ...context.go('happened'),
          ...(node.params.filter ? { guard: conditionGuard.ref({ condition: node.params.filter }) } : {}),
        },
      ],
    },
    after: { [String(timeoutOf(node.params))]: [context.go('timeout')] },
  }),
  story: {
    enter(node, { label }) {
      const event = eventLabel(String(node.params.event ?? 'purchase'));
      const timeout = parseDuration(String(node.params.timeout ?? 'P1D')) ?? 0;
      return {
        kind: 'wait',
        text: localized(`Waits at ${label.en} up to ${describeDuration(timeout, 'en')} for “${event.en}”.`, `在${label['zh-CN']}等待“${event['zh-CN']}”，最多 ${describeDuration(timeout, 'zh-CN')}。`),
      };
    },
    port(node, port, { label }) {
      const event = eventLabel(String(node.params.event ?? 'purchase'));
      const timeout = describeDuration(parseDuration(String(node.params.timeout ?? 'P1D')) ?? 0, 'en');
      const timeoutZh = describeDuration(parseDuration(String(node.params.timeout ?? 'P1D')) ?? 0, 'zh-CN');
      return port === 'happened'
        ? { kind: 'wait', text: localized(`Did “${event.en}” while waiting at ${label.en}, so they moved on.`, `在${label['zh-CN']}等待期间完成了“${event['zh-CN']}”，于是继续往下走。`) }
        : { kind: 'wait', text: localized(`No “${event.en}” within ${timeout} at ${label.en}: the wait timed out.`, `在${label['zh-CN']}等了${timeoutZh}，没有“${event['zh-CN']}”：等待超时。`) };
    },
  },
});
