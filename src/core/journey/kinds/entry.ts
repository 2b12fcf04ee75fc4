import { z } from 'zod';
import { defineNodeKind } from './defineKind';
import { message, type Message, joinedMessages, verbatim } from '../../i18n';
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
  icon: 'play',
  name: message('core.journey.kinds.entry.entry'),
  description: message('core.journey.kinds.entry.whoEntersTheJourneyAnd'),
  params,
  fields: [
    {
      key: 'trigger.type',
      label: message('core.journey.kinds.entry.entryTrigger'),
      help: message('core.journey.kinds.entry.onAnEventEachUser'),
      control: 'select',
      options: [
        { value: 'event', label: message('core.journey.kinds.entry.onAnEvent'), replaces: () => ({ type: 'event', event: 'register' }) },
        { value: 'audience', label: message('core.journey.kinds.entry.audienceAtLaunch'), replaces: () => ({ type: 'audience' }) },
        { value: 'schedule', label: message('core.journey.kinds.entry.onASchedule'), replaces: () => ({ type: 'schedule', after: 'P1D' }) },
      ],
    },
    {
      key: 'trigger.event',
      label: message('core.journey.kinds.entry.triggerEvent'),
      help: message('core.journey.kinds.entry.theBehaviourThatBringsA'),
      control: 'event',
      when: { key: 'trigger.type', in: ['event'] },
    },
    {
      key: 'trigger.after',
      label: message('core.journey.kinds.entry.afterLaunch'),
      help: message('core.journey.kinds.entry.howLongAfterLaunchEveryone'),
      control: 'duration',
      when: { key: 'trigger.type', in: ['schedule'] },
    },
    {
      key: 'filter',
      label: message('core.journey.kinds.entry.whoMayEnter'),
      help: message('core.journey.kinds.entry.narrowsEntryToASegment'),
      control: 'condition',
      nullable: { label: message('core.journey.kinds.entry.everyoneNoFilter'), enable: () => ({ all: [] }) },
    },
  ],
  ports: () => [{ id: 'next', label: message('core.journey.kinds.entry.next') }],
  summary(p) {
    const when =
      p.trigger.type === 'event'
        ? verbatim(eventLabel(p.trigger.event))
        : p.trigger.type === 'audience'
          ? message('core.journey.kinds.entry.audienceAtLaunch')
          : message('core.journey.kinds.entry.afterLaunchSummary', { duration: describeDuration(parseDuration(p.trigger.after) ?? 0) });
    return p.filter ? message('core.journey.kinds.entry.filtered', { when, filter: describeCondition(p.filter) }) : when;
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
        text: message('core.journey.kinds.entry.enteredTheJourneyAt', { label, again }),
        ...(why ? { why } : {}),
      };
    },
  },
});

/** What let the user in: the event that triggered the entry, or the launch, and the filter they passed. */
function entryWhy(node: JourneyNode, lastEvent: { at: number; event: string } | null, at: number, facts: FactsSoFar, cohort: CohortSpec): Message | null {
  const parsed = paramsOf({ params }, node);
  if (!parsed) return null;
  const { trigger, filter } = parsed;
  const parts: Message[] = [];
  if (trigger.type === 'event' && lastEvent && lastEvent.at === at && lastEvent.event === trigger.event) {
    const label = eventLabel(lastEvent.event);
    parts.push(message('core.journey.kinds.entry.theirTriggeredThisEntry', { label }));
  } else if (trigger.type === 'audience') parts.push(message('core.journey.kinds.entry.theWholeAudienceEntersAt'));
  if (filter) {
    const verdict = explainCondition(filter, facts, cohort);
    parts.push(message('core.journey.kinds.entry.theEntryFilterLetThem', { text: verdict.text }));
  }
  return parts.length > 0 ? message('core.journey.kinds.entry.text', { parts: joinedMessages(parts, 'sentences') }) : null;
}
