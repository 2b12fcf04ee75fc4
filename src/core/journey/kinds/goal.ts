import { z } from 'zod';
import { defineNodeKind } from './defineKind';
import { localized } from '../../i18n';
import { eventNameSchema, eventLabel } from '../events';
import { goalOpen, markGoal, reachGoal } from '../../compile/operations';

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
      markGoal.ref({ node: node.id }),
      reachGoal.ref({ node: node.id, goal: node.params.goal }),
    ],
    always: [context.go('next')],
  }),
  // With exit-on-goal, doing the goal's event anywhere in the journey converts the user, once per stay.
  whileInJourney: (node, context) =>
    context.settings.exitOnGoal
      ? { [node.params.event]: [{ target: `#${node.id}`, guard: goalOpen.ref({ node: node.id }), description: 'exit on goal' }] }
      : {},
  story: {
    // Reached through a port, the goal tells itself; a jump here is exit on goal, which wants saying.
    enter(node, { label, from, throughPort }) {
      if (throughPort) return null;
      const event = eventLabel(String(node.params.event ?? 'purchase'));
      return {
        kind: 'enter',
        text: localized(`Moved straight to the goal ${label.en}.`, `直接进入目标${label['zh-CN']}。`),
        why: localized(
          `Exit on goal is on: doing “${event.en}” anywhere in the journey counts as reaching this goal, so the journey moved them here from ${from.en}.`,
          `已开启“达成目标即离开”：在旅程任何位置完成“${event['zh-CN']}”都算达成该目标，因此旅程把用户从${from['zh-CN']}直接移到这里。`,
        ),
      };
    },
  },
});
