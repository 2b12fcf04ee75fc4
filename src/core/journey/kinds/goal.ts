import { z } from 'zod';
import { defineNodeKind } from './defineKind';
import { localized } from '../../i18n';
import { eventNameSchema, eventLabel } from '../events';
import { defineEffect, defineGuard, defineUpdate } from '../../compile/runtime';

const params = z.strictObject({
  goal: z.string().min(1).max(100).default('Conversion').meta({ description: 'The name the conversion is reported under.' }),
  event: eventNameSchema
    .default('purchase')
    .meta({ description: 'The behaviour that counts as reaching this goal (e.g. purchase, register, mql).' }),
});

export const goalKind = defineNodeKind({
  kind: 'goal',
  group: 'outcomes',
  icon: '★',
  name: localized('Goal', '转化目标'),
  description: localized(
    'A conversion checkpoint that is counted: a user who reaches it (or, with “exit on goal”, does its event anywhere in the journey) has converted. Keep goals few and measurable.',
    '被统计的转化节点：到达这里的用户（或开启“达成目标即退出”时，在旅程任意位置完成该事件的用户）即计为转化。目标要少而可衡量。',
  ),
  params,
  ends: 'goal',
  fields: [
    {
      key: 'goal',
      label: localized('Goal name', '目标名称'),
      help: localized(
        'The name the conversion is reported under, e.g. “First order”. Keep goals few (three at most) and measurable.',
        '转化在报表中的名称，例如“首单”。目标要少（最多三个）且可衡量。',
      ),
      control: 'text',
      maxLength: 100,
    },
    {
      key: 'event',
      label: localized('Counts when', '计为转化的事件'),
      help: localized(
        'The behaviour that counts as reaching this goal: purchase, register, MQL… With “exit on goal”, doing it anywhere in the journey converts the user.',
        '计为达成目标的行为：购买、注册、MQL……开启“达成目标即退出”时，在旅程任意位置完成该行为都计为转化。',
      ),
      control: 'event',
    },
  ],
  ports: () => [{ id: 'next', label: localized('next', '下一步') }],
  summary: (p, lang) => `${p.goal} · ${eventLabel(p.event)[lang]}`,
  compile: (node, context) => ({
    entry: [
      ...context.enter,
      { type: 'markGoal', params: { node: node.id } },
      { type: 'reachGoal', params: { node: node.id, goal: node.params.goal } },
    ],
    always: [context.go('next')],
  }),
  // With exit-on-goal, doing the goal's event anywhere in the journey converts the user, once per stay.
  whileInJourney: (node, context) =>
    context.settings.exitOnGoal
      ? { [node.params.event]: [{ target: `#${node.id}`, guard: { type: 'goalOpen', params: { node: node.id } }, description: 'exit on goal' }] }
      : {},
  implementations: {
    updates: {
      markGoal: defineUpdate<{ node: string }>((context, p) => ({ goalsReached: [...context.goalsReached, p.node] })),
    },
    effects: {
      reachGoal: defineEffect<{ node: string; goal: string }>((context, p) => context.env.emit({ type: 'goal', ...p })),
    },
    guards: {
      goalOpen: defineGuard<{ node: string }>((context, p) => !context.goalsReached.includes(p.node)),
    },
  },
});
