import { localized as t } from '../i18n';
import { defineTemplate } from './defineTemplate';
import { templateHeaders } from '../templateSummaries';

export const cartAbandonment = defineTemplate(templateHeaders.cartAbandonment, {
  settings: { frequencyCap: { touches: 3, window: 'P7D' }, exitOnGoal: true },
  nodes: [
    { id: 'added', kind: 'entry', stage: 'decision', label: t('Added to cart', '加购'), params: { trigger: { type: 'event', event: 'add_to_cart' } }, at: [0] },
    { id: 'wait24', kind: 'waitForEvent', stage: 'decision', label: t('Buys within 24 h?', '24 小时内下单？'), params: { event: 'purchase', timeout: 'PT24H' }, at: [1] },
    { id: 'remind', kind: 'message', stage: 'decision', label: t('Push reminder', '推送提醒'), params: { channel: 'push', content: t('Your cart is waiting: the items you picked are still there.', '购物车里的宝贝还在等你，快来下单吧。') }, at: [2, 1] },
    { id: 'wait48', kind: 'waitForEvent', stage: 'decision', label: t('Buys within 48 h?', '48 小时内下单？'), params: { event: 'purchase', timeout: 'PT48H' }, at: [3, 1] },
    { id: 'coupon', kind: 'offer', stage: 'decision', label: t('Cart coupon', '加购优惠券'), params: { offer: 'coupon', value: 20, minSpend: 199, validity: 'P3D' }, at: [4, 1] },
    { id: 'couponSms', kind: 'message', stage: 'decision', label: t('SMS: coupon inside', '短信：优惠券已到账'), params: { channel: 'sms', content: t('A 20-yuan coupon for your cart (orders over 199), valid 3 days.', '送你一张满 199 减 20 元的加购优惠券，3 天内有效。') }, at: [5, 1] },
    { id: 'wait72', kind: 'waitForEvent', stage: 'decision', label: t('Buys within 3 days?', '3 天内下单？'), params: { event: 'purchase', timeout: 'P3D' }, at: [6, 1] },
    { id: 'bought', kind: 'goal', stage: 'usage', label: t('First order', '首单'), params: { goal: t('Order', '下单'), event: 'purchase' }, at: [7] },
    { id: 'done', kind: 'exit', stage: 'usage', label: t('Converted', '已转化'), params: { reason: t('converted', '已转化') }, at: [8] },
    { id: 'giveUp', kind: 'exit', stage: 'decision', label: t('Give up', '放弃'), params: { reason: t('no purchase after coupon', '发券后仍未下单') }, at: [7, 1] },
  ],
  edges: [
    ['added', 'next', 'wait24'],
    ['wait24', 'happened', 'bought'],
    ['wait24', 'timeout', 'remind'],
    ['remind', 'next', 'wait48'],
    ['wait48', 'happened', 'bought'],
    ['wait48', 'timeout', 'coupon'],
    ['coupon', 'next', 'couponSms'],
    ['couponSms', 'next', 'wait72'],
    ['wait72', 'happened', 'bought'],
    ['wait72', 'timeout', 'giveUp'],
    ['bought', 'next', 'done'],
  ],
});
