import { z } from 'zod';
import { defineNodeKind } from './defineKind';
import { message, verbatim } from '../../i18n';
import { channels, channelInfo, channelCost } from '../channels';
import { touch } from '../../compile/operations';

const params = z.strictObject({
  channel: z.enum(channels).default('sms').meta({ description: 'Where the touch is sent.' }),
  content: z.string().max(2000).default('').meta({ description: 'What the message says (for reviewers; not simulated).' }),
});

export const messageKind = defineNodeKind({
  kind: 'message',
  group: 'touches',
  icon: 'mail',
  name: message('core.journey.kinds.message.message'),
  description: message('core.journey.kinds.message.aTouchOnOneChannel'),
  params,
  fields: [
    {
      key: 'channel',
      label: message('core.journey.kinds.message.channel'),
      help: message('core.journey.kinds.message.whereTheTouchIsSent'),
      control: 'select',
      options: channels.map((channel) => ({ value: channel, label: verbatim(channelInfo[channel].name) })),
    },
    {
      key: 'content',
      label: message('core.journey.kinds.message.content'),
      help: message('core.journey.kinds.message.whatTheMessageSaysFor'),
      control: 'textarea',
      maxLength: 2000,
    },
  ],
  ports: () => [{ id: 'next', label: message('core.journey.kinds.message.next') }],
  summary: (p) => (p.content ? message('core.journey.kinds.message.summary', { channel: channelInfo[p.channel].name, content: p.content.slice(0, 40) }) : verbatim(channelInfo[p.channel].name)),
  touches: () => 1,
  channel: (p) => p.channel,
  treatment: true,
  compile: (node, context) => ({
    entry: [
      ...context.enter,
      touch.ref({ node: node.id, channel: node.params.channel, cost: channelCost(node.params.channel, context.settings.channelCosts) }),
    ],
    always: [context.go('next')],
  }),
  // The touch tells the story.
  story: { enter: () => null },
});
