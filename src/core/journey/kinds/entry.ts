import { z } from 'zod';
import { defineNodeKind } from './defineKind';
import { localized, type Localized } from '../../i18n';
import type { JourneyNode } from '../schema';
import type { CohortSpec } from '../../cohort/schema';
import type { FactsSoFar } from '../../trainer/profile';
import { conditionSchema, describeCondition } from '../condition';
import { beginStay, mayEnter } from '../../compile/operations';
import { durationSchema, parseDuration, describeDuration } from '../duration';
import { eventNameSchema, eventLabel } from '../events';
import type { TransitionConfig } from '../../compile/machineConfig';
import { explainCondition } from '../../trainer/explain';
import { paramsOf } from '../../trainer/storyLine';

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
  fields: [
    {
      key: 'trigger.type',
      label: localized('Entry trigger', '进入方式'),
      help: localized(
        'On an event: each user enters the moment they do it, when intent is highest. Audience at launch: everyone matching the filter enters together, as in a campaign. On a schedule: everyone enters a set time after launch.',
        '发生事件时：用户一做这件事就进入，此时意向最强。上线时的目标人群：所有符合条件的用户一起进入，相当于一次活动推送。按计划时间：上线后固定时间统一进入。',
      ),
      control: 'select',
      options: [
        { value: 'event', label: localized('On an event', '发生事件时'), replaces: () => ({ type: 'event', event: 'register' }) },
        { value: 'audience', label: localized('Audience at launch', '上线时的目标人群'), replaces: () => ({ type: 'audience' }) },
        { value: 'schedule', label: localized('On a schedule', '按计划时间'), replaces: () => ({ type: 'schedule', after: 'P1D' }) },
      ],
    },
    {
      key: 'trigger.event',
      label: localized('Trigger event', '触发事件'),
      help: localized(
        'The behaviour that brings a user in, e.g. registered, added to cart, cancelled an order. Reacting at the moment of intent is why triggered journeys convert better than blasts.',
        '让用户进入旅程的行为，例如注册、加购、取消订单。在用户意向最强的时刻触达，是触发式旅程比群发转化更高的原因。',
      ),
      control: 'event',
      when: { key: 'trigger.type', in: ['event'] },
    },
    {
      key: 'trigger.after',
      label: localized('After launch', '上线后'),
      help: localized(
        'How long after launch everyone matching the filter enters, e.g. the day before a holiday campaign starts.',
        '上线后多久让所有符合条件的用户进入，例如节日活动开始前一天。',
      ),
      control: 'duration',
      when: { key: 'trigger.type', in: ['schedule'] },
    },
    {
      key: 'filter',
      label: localized('Who may enter', '进入条件'),
      help: localized(
        'Narrows entry to a segment: attributes (grouping), tags, RFM layer or past behaviour (clustering). Users who do not match never enter.',
        '把进入限定在某个细分人群：属性（分组）、标签、RFM 分层或历史行为（分群）。不符合条件的用户不会进入。',
      ),
      control: 'condition',
      nullable: { label: localized('Everyone (no filter)', '所有人（不筛选）'), enable: () => ({ all: [] }) },
    },
  ],
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
  compile: (node, context) => ({ entry: context.enter, always: [context.go('next')] }),
  /** How a user outside the journey comes in through this entry. */
  outside(node) {
    const { trigger, filter } = node.params;
    const delay = trigger.type === 'schedule' ? (parseDuration(trigger.after) ?? 0) : null;
    const transition: TransitionConfig = {
      target: `#${node.id}`,
      actions: [beginStay.bare],
      // A scheduled entry fires once, at its time after launch, not again each time a user is back outside.
      ...(filter || delay !== null ? { guard: mayEnter.ref({ condition: filter, notAfter: delay }) } : {}),
    };
    if (delay !== null) return { after: { [String(delay)]: [transition] } };
    return { on: { [trigger.type === 'event' ? trigger.event : LAUNCH_EVENT]: [transition] } };
  },
  story: {
    enter(node, { at, label, again, lastEvent, facts, cohort }) {
      const why = entryWhy(node, lastEvent, at, facts, cohort);
      return {
        kind: 'enter',
        text: localized(`Entered the journey at ${label.en}${again.en}.`, `在${label['zh-CN']}进入旅程${again['zh-CN']}。`),
        ...(why ? { why } : {}),
      };
    },
  },
});

/** What let the user in: the event that triggered the entry, or the launch, and the filter they passed. */
function entryWhy(node: JourneyNode, lastEvent: { at: number; event: string } | null, at: number, facts: FactsSoFar, cohort: CohortSpec): Localized | null {
  const parsed = paramsOf({ params }, node);
  if (!parsed) return null;
  const { trigger, filter } = parsed;
  const parts: Localized[] = [];
  if (trigger.type === 'event' && lastEvent && lastEvent.at === at && lastEvent.event === trigger.event) {
    const label = eventLabel(lastEvent.event);
    parts.push(localized(`Their “${label.en}” triggered this entry.`, `“${label['zh-CN']}”行为触发了进入。`));
  } else if (trigger.type === 'audience') parts.push(localized('The whole audience enters at launch.', '上线时整个受众一起进入。'));
  if (filter) {
    const verdict = explainCondition(filter, facts, cohort);
    parts.push(localized(`The entry filter let them in: ${verdict.text.en}.`, `符合进入条件：${verdict.text['zh-CN']}。`));
  }
  return parts.length > 0 ? localized(parts.map((part) => part.en).join(' '), parts.map((part) => part['zh-CN']).join('')) : null;
}
