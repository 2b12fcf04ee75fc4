import { z } from 'zod';
import { defineNodeKind } from './defineKind';
import { localized } from '../../i18n';
import { channels, channelInfo, channelCost, type Channel } from '../channels';
import { defineEffect } from '../../compile/runtime';

const params = z.strictObject({
  channel: z.enum(channels).default('sms').meta({ description: 'Where the touch is sent.' }),
  content: z.string().max(2000).default('').meta({ description: 'What the message says (for reviewers; not simulated).' }),
});

export const messageKind = defineNodeKind({
  kind: 'message',
  group: 'touches',
  icon: '✉',
  name: localized('Message', '消息触达'),
  description: localized(
    'A touch on one channel: SMS, app push, e-mail, WeChat official account, WeCom 1:1, in-app, community or an outbound call. Each touch costs its channel’s price and counts against the frequency cap.',
    '在一个渠道上触达用户：短信、App 推送、邮件、公众号、企业微信 1 对 1、应用内、社群或外呼。每次触达按渠道计费，并计入频次上限。',
  ),
  params,
  ports: () => [{ id: 'next', label: localized('next', '下一步') }],
  summary: (p, lang) => (p.content ? `${channelInfo[p.channel].name[lang]} · ${p.content.slice(0, 40)}` : channelInfo[p.channel].name[lang]),
  touches: () => 1,
  treatment: true,
  compile: (node, context) => ({
    entry: [
      ...context.enter,
      {
        type: 'touch',
        params: { node: node.id, channel: node.params.channel, cost: channelCost(node.params.channel, context.settings.channelCosts) },
      },
    ],
    always: [{ target: context.target('next') }],
  }),
  implementations: {
    effects: {
      touch: defineEffect<{ node: string; channel: Channel; cost: number }>((context, p) =>
        context.env.emit({ type: 'touch', node: p.node, channel: p.channel, cost: p.cost }),
      ),
    },
  },
});
