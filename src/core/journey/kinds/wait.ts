import { z } from 'zod';
import { defineNodeKind } from './defineKind';
import { localized } from '../../i18n';
import { durationSchema, parseDuration, describeDuration } from '../duration';

const params = z.strictObject({
  duration: durationSchema.nullable().default(null).meta({ description: 'How long the user waits here, e.g. "P1D".' }),
});

const durationOf = (p: { duration: string | null }) => (p.duration === null ? 0 : (parseDuration(p.duration) ?? 0));

export const waitKind = defineNodeKind({
  kind: 'wait',
  group: 'timing',
  icon: '⏱',
  name: localized('Wait', '等待'),
  description: localized(
    'Holds the user for a fixed time before the next step, so touches are spaced out and the user has time to act on their own.',
    '让用户停留固定时长再进入下一步，拉开触达间隔，也给用户自行行动的时间。',
  ),
  params,
  fields: [
    {
      key: 'duration',
      label: localized('Wait for', '等待时长'),
      help: localized(
        'How long the user stays here before the next step. Spacing touches out keeps within the frequency cap and gives users time to act on their own, which is cheaper than another touch.',
        '用户在此停留多久再进入下一步。拉开触达间隔既能守住频次上限，也给用户自行行动的时间，比再触达一次更省钱。',
      ),
      control: 'duration',
      nullable: { label: localized('Not set yet', '暂不设置'), enable: () => 'P1D' },
    },
  ],
  ports: () => [{ id: 'next', label: localized('next', '下一步') }],
  summary: (p, lang) => (p.duration === null ? (lang === 'en' ? 'No duration set' : '未设置时长') : describeDuration(durationOf(p), lang)),
  timing: (p) => ({ minMs: durationOf(p), maxMs: durationOf(p) }),
  problems: {
    'wait-without-duration': {
      severity: 'error',
      title: localized('Wait without a duration', '等待未设置时长'),
      fix: localized('Set how long the user waits (e.g. 1 day), or remove the wait.', '设置等待时长（如 1 天），或删除该等待节点。'),
    },
  },
  validate(node, context) {
    if (durationOf(node.params) <= 0)
      context.report(
        'wait-without-duration',
        node.params.duration === null
          ? localized(`Wait "${node.label || node.id}" has no duration.`, `等待节点「${node.label || node.id}」没有设置时长。`)
          : localized(`Wait "${node.label || node.id}" lasts zero time.`, `等待节点「${node.label || node.id}」的时长为零。`),
        ['duration'],
      );
  },
  compile: (node, context) => ({
    entry: context.enter,
    after: { [String(durationOf(node.params))]: [context.go('next')] },
  }),
  story: {
    enter(node, { label }) {
      const duration = parseDuration(String(node.params.duration ?? '')) ?? 0;
      return { kind: 'wait', text: localized(`Waits ${describeDuration(duration, 'en')} at ${label.en}.`, `在${label['zh-CN']}等待 ${describeDuration(duration, 'zh-CN')}。`) };
    },
  },
});
