import { localized as t } from '../i18n';
import { defineTemplate } from './defineTemplate';
import { templateHeaders } from '../templateSummaries';

export const memberTierUpgrade = defineTemplate(templateHeaders.memberTierUpgrade, {
  settings: { frequencyCap: { touches: 3, window: 'P7D' }, exitOnGoal: true },
  nodes: [
    { id: 'nearGold', kind: 'entry', stage: 'usage', label: t('Silver members close to Gold', '接近金卡的银卡会员'), params: { trigger: { type: 'audience' }, filter: { all: [{ attribute: 'member_tier', op: '=', value: 'silver' }, { attribute: 'points', op: '>=', value: 800 }] } }, at: [0] },
    { id: 'goldTrial', kind: 'offer', stage: 'usage', label: t('Right: 7-day Gold trial', '权益：7 天金卡体验'), params: { offer: 'right', value: 30, validity: 'P7D' }, at: [1] },
    { id: 'doublePoints', kind: 'offer', stage: 'usage', label: t('Double points on the next order', '下一单双倍积分'), params: { offer: 'points', value: 20, validity: 'P14D' }, at: [2] },
    { id: 'trialPush', kind: 'message', stage: 'usage', label: t('Push: you are Gold for a week', '推送：本周您就是金卡会员'), params: { channel: 'push', content: t('Gold for a week: free shipping, priority service and double points', '本周您就是金卡会员：免运费、优先服务、双倍积分。') }, at: [3] },
    { id: 'reachesGold', kind: 'waitForEvent', stage: 'usage', label: t('Reaches Gold points within 14 days?', '14 天内积分达到金卡？'), params: { event: 'tier_points', timeout: 'P14D' }, at: [4] },
    { id: 'upgraded', kind: 'goal', stage: 'loyalty', label: t('Tier upgrade', '会员升级'), params: { goal: t('Tier upgrade', '会员升级'), event: 'tier_points' }, at: [5] },
    { id: 'setGold', kind: 'tag', stage: 'loyalty', label: t('Set tier: Gold', '设置等级：金卡'), params: { action: 'set', attribute: 'member_tier', value: 'gold' }, at: [6] },
    { id: 'goldGift', kind: 'offer', stage: 'loyalty', label: t('Right: Gold welcome gift', '权益：金卡见面礼'), params: { offer: 'right', value: 50, validity: 'P30D' }, at: [7] },
    { id: 'goldWelcome', kind: 'message', stage: 'loyalty', label: t('WeCom: welcome to Gold', '企业微信：欢迎升级金卡'), params: { channel: 'wecom', content: t('Welcome to Gold: your gift and personal shopper are waiting', '恭喜升级金卡！见面礼和专属导购已为您准备就绪。') }, at: [8] },
    { id: 'goldExit', kind: 'exit', stage: 'loyalty', label: t('Upgraded', '已升级'), params: { reason: t('upgraded to gold', '已升级金卡') }, at: [9] },
    { id: 'boughtMeanwhile', kind: 'branch', stage: 'usage', label: t('Bought during the trial?', '体验期内下过单？'), params: { cases: [{ label: t('Bought', '已下单'), condition: { event: 'purchase', within: 'P14D', op: '>=', count: 1 } }] }, at: [5, 1] },
    { id: 'topUpCoupon', kind: 'offer', stage: 'usage', label: t('Coupon: 20 off 199', '优惠券：满 199 减 20'), params: { offer: 'coupon', value: 20, minSpend: 199, validity: 'P7D' }, at: [6, 1] },
    { id: 'topUpSms', kind: 'message', stage: 'usage', label: t('SMS: one order from Gold', '短信：再下一单即升金卡'), params: { channel: 'sms', content: t('One more order and you are Gold: 20 yuan off', '再下一单即可升级金卡，送您一张 20 元优惠券。') }, at: [7, 1] },
    { id: 'reachesGold7d', kind: 'waitForEvent', stage: 'usage', label: t('Reaches Gold within 7 days?', '7 天内达到金卡？'), params: { event: 'tier_points', timeout: 'P7D' }, at: [8, 1] },
    { id: 'tagNurture', kind: 'tag', stage: 'usage', label: t('Tag: upgrade next time', '打标签：下次升级'), params: { action: 'add', tag: 'upgrade_nurture' }, at: [9, 1] },
    { id: 'silverExit', kind: 'exit', stage: 'usage', label: t('Still Silver', '仍为银卡'), params: { reason: t('did not reach gold', '未达到金卡') }, at: [10, 1] },
  ],
  edges: [
    ['nearGold', 'next', 'goldTrial'],
    ['goldTrial', 'next', 'doublePoints'],
    ['doublePoints', 'next', 'trialPush'],
    ['trialPush', 'next', 'reachesGold'],
    ['reachesGold', 'happened', 'upgraded'],
    ['reachesGold', 'timeout', 'boughtMeanwhile'],
    ['upgraded', 'next', 'setGold'],
    ['setGold', 'next', 'goldGift'],
    ['goldGift', 'next', 'goldWelcome'],
    ['goldWelcome', 'next', 'goldExit'],
    ['boughtMeanwhile', 'case-1', 'topUpCoupon'],
    ['boughtMeanwhile', 'else', 'tagNurture'],
    ['topUpCoupon', 'next', 'topUpSms'],
    ['topUpSms', 'next', 'reachesGold7d'],
    ['reachesGold7d', 'happened', 'upgraded'],
    ['reachesGold7d', 'timeout', 'tagNurture'],
    ['tagNurture', 'next', 'silverExit'],
  ],
});
