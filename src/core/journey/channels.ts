import { localized, type Localized } from '../i18n';

export const channels = ['sms', 'push', 'email', 'wechat_oa', 'wecom', 'in_app', 'community', 'call'] as const;
export type Channel = (typeof channels)[number];

export interface ChannelInfo {
  name: Localized;
  /**
   * Default cost of one touch, in yuan (CNY). Typical list prices in China in 2025–26: SMS is sold per
   * message at 3–6 fen; push and e-mail cost almost nothing per send; a WeCom 1:1 message or community
   * post is cheap to send but costs staff time (about 0.1 yuan per contact at scale); an outbound call
   * costs agent time (about 1.5 yuan per connected call). A journey may override each in its settings.
   */
  defaultCost: number;
}

export const channelInfo: Record<Channel, ChannelInfo> = {
  sms: { name: localized('SMS', '短信'), defaultCost: 0.05 },
  push: { name: localized('App push', 'App 推送'), defaultCost: 0.001 },
  email: { name: localized('E-mail', '电子邮件'), defaultCost: 0.002 },
  wechat_oa: { name: localized('WeChat official account', '微信公众号'), defaultCost: 0.01 },
  wecom: { name: localized('WeCom 1:1', '企业微信 1 对 1'), defaultCost: 0.1 },
  in_app: { name: localized('In-app pop-up', '应用内弹窗'), defaultCost: 0 },
  community: { name: localized('Community group', '社群'), defaultCost: 0.05 },
  call: { name: localized('Outbound call', '外呼'), defaultCost: 1.5 },
};

/** The cost of one touch on a channel, honouring a journey's overrides. */
export function channelCost(channel: Channel, overrides: Partial<Record<Channel, number>> | undefined): number {
  return overrides?.[channel] ?? channelInfo[channel].defaultCost;
}
