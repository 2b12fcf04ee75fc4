import { z } from 'zod';
import { defineNodeKind } from './defineKind';
import { message } from '../../i18n';
import { eventNameSchema, eventLabel } from '../events';
import { goalOpen, leave, markGoal, reachGoal } from '../../compile/operations';

const params = z.strictObject({
  goal: z.string().min(1).max(100).default('Conversion').meta({ description: 'The name the conversion is reported under.' }),
  event: eventNameSchema
    .default('purchase')
    .meta({ description: 'The behaviour that counts as reaching this goal (e.g. purchase, register, mql).' }),
});

export const goalKind = defineNodeKind({
  kind: 'goal',
  group: 'outcomes',
  icon: 'star',
  name: message('core.journey.kinds.goal.goal'),
  description: message('core.journey.kinds.goal.aConversionCheckpointThatIs'),
  params,
  ends: 'goal',
  fields: [
    {
      key: 'goal',
      label: message('core.journey.kinds.goal.goalName'),
      help: message('core.journey.kinds.goal.theNameTheConversionIs'),
      control: 'text',
      maxLength: 100,
    },
    {
      key: 'event',
      label: message('core.journey.kinds.goal.countsWhen'),
      help: message('core.journey.kinds.goal.theBehaviourThatCountsAs'),
      control: 'event',
    },
  ],
  // Reaching a goal is an ending in itself: "next" is for a follow-up path (cross-selling), not required.
  ports: () => [{ id: 'next', label: message('core.journey.kinds.goal.next'), optional: true }],
  summary: (p) => message('core.journey.kinds.goal.summary', { goal: p.goal, event: eventLabel(p.event) }),
  compile(node, context) {
    const reached = [...context.enter, markGoal.ref({ node: node.id }), reachGoal.ref({ node: node.id, goal: node.params.goal })];
    if (context.connected('next')) return { entry: reached, always: [context.go('next')] };
    // Nothing after the goal: the stay ends here, as at an exit without a reason (not a dead end).
    return { entry: [...reached, leave.ref({ node: node.id, reason: '' })], always: [{ target: context.leave }] };
  },
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
        text: message('core.journey.kinds.goal.movedStraightToTheGoal', { label }),
        why: message('core.journey.kinds.goal.exitOnGoalIsOn', { event, from }),
      };
    },
  },
});
