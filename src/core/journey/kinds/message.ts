import { z } from 'zod';
import { defineNodeKind } from './defineKind';
import { localized } from '../../i18n';
import { channels, channelInfo, channelCost } from '../channels';
import { touch } from '../../compile/operations';

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
  fields: [
    {
      key: 'channel',
      label: localized('Channel', '渠道'),
      help: localized(
        'Where the touch is sent. Channels differ in reach (opt-in, app installed), cost per touch and how often users open: SMS reaches almost everyone, push and e-mail cost almost nothing, a call is costly but personal.',
        '在哪个渠道触达。各渠道的覆盖面（是否授权、是否安装 App）、单次成本和打开率都不同：短信几乎人人可达，推送和邮件几乎零成本，外呼成本高但更有温度。',
      ),
      control: 'select',
      options: channels.map((channel) => ({ value: channel, label: channelInfo[channel].name })),
    },
    {
      key: 'content',
      label: localized('Content', '内容'),
      help: localized(
        'What the message says, for reviewers and trainees (the simulation does not read it). Say what the user gets and what to do next.',
        '消息文案，供审核和学习参考（模拟不会读取）。写清用户能得到什么、下一步该做什么。',
      ),
      control: 'textarea',
      maxLength: 2000,
    },
  ],
  ports: () => [{ id: 'next', label: localized('next', '下一步') }],
  summary: (p, lang) => (p.content ? `${channelInfo[p.channel].name[lang]} · ${p.content.slice(0, 40)}` : channelInfo[p.channel].name[lang]),
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
