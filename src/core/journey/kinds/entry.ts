import { z } from 'zod';
import { defineNodeKind } from './defineKind';
import { localized } from '../../i18n';
import { conditionSchema, describeCondition, evaluateCondition, type Condition } from '../condition';
import { defineGuard, defineUpdate } from '../../compile/runtime';
import { factsOf } from '../../compile/implementations';
import { durationSchema, parseDuration, describeDuration } from '../duration';
import { eventNameSchema, eventLabel } from '../events';
import type { TransitionConfig } from '../../compile/machineConfig';

/** The event the simulator sends every matching user at launch, for audience entries. */
export const LAUNCH_EVENT = 'journey.launch';

const triggerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('event'), event: eventNameSchema }).meta({ description: 'Enter when the user does this event.' }),
  z.strictObject({ type: z.literal('audience') }).meta({ description: 'Everyone matching the filter enters at launch.' }),
  z
    .strictObject({ type: z.literal('schedule'), after: durationSchema })
    .meta({ description: 'Everyone matching the filter enters this long after launch.' }),
]);

const params = z.strictObject({
  trigger: triggerSchema.default({ type: 'event', event: 'register' }),
  filter: conditionSchema.nullable().default(null).meta({ description: 'Only users matching this condition enter; null for all.' }),
});

export const entryKind = defineNodeKind({
  kind: 'entry',
  group: 'triggers',
  icon: '▶',
  name: localized('Entry', '进入'),
  description: localized(
    'Who enters the journey and when: on a behaviour event (registered, added to cart…), everyone in the audience at launch, or on a schedule. A filter narrows it to a segment.',
    '谁在何时进入旅程：发生某个行为事件（注册、加购……）时、上线时的全部目标人群，或按计划时间进入。可用筛选条件限定细分人群。',
  ),
  params,
  ports: () => [{ id: 'next', label: localized('next', '下一步') }],
  summary(p, lang) {
    const when =
      p.trigger.type === 'event'
        ? eventLabel(p.trigger.event)[lang]
        : p.trigger.type === 'audience'
          ? lang === 'en'
            ? 'Audience at launch'
            : '上线时的目标人群'
          : `${lang === 'en' ? 'After' : '上线后'} ${describeDuration(parseDuration(p.trigger.after) ?? 0, lang)}`;
    return p.filter ? `${when} · ${describeCondition(p.filter, lang)}` : when;
  },
  compile: (node, context) => ({ entry: context.enter, always: [{ target: context.target('next') }] }),
  /** How a user outside the journey comes in through this entry. */
  outside(node) {
    const { trigger, filter } = node.params;
    const delay = trigger.type === 'schedule' ? (parseDuration(trigger.after) ?? 0) : null;
    const transition: TransitionConfig = {
      target: `#${node.id}`,
      actions: [{ type: 'beginStay' }],
      // A scheduled entry fires once, at its time after launch, not again each time a user is back outside.
      ...(filter || delay !== null ? { guard: { type: 'mayEnter', params: { condition: filter, notAfter: delay } } } : {}),
    };
    if (delay !== null) return { after: { [String(delay)]: [transition] } };
    return { on: { [trigger.type === 'event' ? trigger.event : LAUNCH_EVENT]: [transition] } };
  },
  implementations: {
    guards: {
      mayEnter: defineGuard<{ condition: Condition | null; notAfter: number | null }>(
        (context, p) =>
          (p.notAfter === null || context.env.now() <= p.notAfter) && (p.condition === null || evaluateCondition(p.condition, factsOf(context))),
      ),
    },
    updates: {
      beginStay: defineUpdate(() => ({ goalsReached: [] })),
    },
  },
});
