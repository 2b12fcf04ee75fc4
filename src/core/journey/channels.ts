import { message, type Message } from '../i18n';

export const channels = ['sms', 'push', 'email', 'wechat_oa', 'wecom', 'in_app', 'community', 'call'] as const;
export type Channel = (typeof channels)[number];

export interface ChannelInfo {
  name: Message;
  /**
   * Default cost of one touch, in yuan (CNY). Typical list prices in China in 2025–26: SMS is sold per
   * message at 3–6 fen; push and e-mail cost almost nothing per send; a WeCom 1:1 message or community
   * post is cheap to send but costs staff time (about 0.1 yuan per contact at scale); an outbound call
   * costs agent time (about 1.5 yuan per connected call). A journey may override each in its settings.
   */
  defaultCost: number;
}

export const channelInfo: Record<Channel, ChannelInfo> = {
  sms: { name: message('core.journey.channels.sms'), defaultCost: 0.05 },
  push: { name: message('core.journey.channels.push'), defaultCost: 0.001 },
  email: { name: message('core.journey.channels.email'), defaultCost: 0.002 },
  wechat_oa: { name: message('core.journey.channels.wechat_oa'), defaultCost: 0.01 },
  wecom: { name: message('core.journey.channels.wecom'), defaultCost: 0.1 },
  in_app: { name: message('core.journey.channels.in_app'), defaultCost: 0 },
  community: { name: message('core.journey.channels.community'), defaultCost: 0.05 },
  call: { name: message('core.journey.channels.call'), defaultCost: 1.5 },
};

/** The cost of one touch on a channel, honouring a journey's overrides. */
export function channelCost(channel: Channel, overrides: Partial<Record<Channel, number>> | undefined): number {
  return overrides?.[channel] ?? channelInfo[channel].defaultCost;
}
