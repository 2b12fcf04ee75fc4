import { z } from 'zod';
import { defineNodeKind } from './defineKind';
import { message, verbatim } from '../../i18n';
import { leave } from '../../compile/operations';

const params = z.strictObject({
  reason: z.string().max(200).default('').meta({ description: 'Why users leave here (e.g. "converted", "gave up after 3 touches").' }),
});

export const exitKind = defineNodeKind({
  kind: 'exit',
  group: 'outcomes',
  icon: 'square',
  name: message('core.journey.kinds.exit.exit'),
  description: message('core.journey.kinds.exit.theUserLeavesTheJourney'),
  params,
  ends: 'exit',
  fields: [
    {
      key: 'reason',
      label: message('core.journey.kinds.exit.reason'),
      help: message('core.journey.kinds.exit.whyUsersLeaveHereE'),
      control: 'text',
      maxLength: 200,
    },
  ],
  ports: () => [],
  summary: (p) => (p.reason ? verbatim(p.reason) : message('core.journey.kinds.exit.leaveTheJourney')),
  compile: (node, context) => ({
    entry: [...context.enter, leave.ref({ node: node.id, reason: node.params.reason })],
    always: [{ target: context.leave }],
  }),
  // Leaving tells the story.
  story: { enter: () => null },
});
