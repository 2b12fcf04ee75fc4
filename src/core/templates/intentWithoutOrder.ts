import { localized as t } from '../i18n';
import { defineTemplate } from './defineTemplate';
import { templateHeaders } from '../templateSummaries';

const noRecentOrder = { not: { event: 'purchase', within: 'P30D', op: '>=', count: 1 } };

export const intentWithoutOrder = defineTemplate(templateHeaders.intentWithoutOrder, {
  settings: { frequencyCap: { touches: 3, window: 'P7D' }, exitOnGoal: true },
  nodes: [
    { id: 'registered', kind: 'entry', stage: 'awareness', label: t('Registered', '完成注册'), params: { trigger: { type: 'event', event: 'register' } }, at: [0] },
    { id: 'deepVisits', kind: 'entry', stage: 'exploration', label: t('Repeated deep visits, no order', '多次深度访问未下单'), params: { trigger: { type: 'event', event: 'deep_visit' }, filter: noRecentOrder }, at: [0] },
    { id: 'couponPage', kind: 'entry', stage: 'decision', label: t('Opened the coupon page, no order', '打开领券页未下单'), params: { trigger: { type: 'event', event: 'coupon_page_view' }, filter: noRecentOrder }, at: [0] },
    { id: 'cancelledFirst', kind: 'entry', stage: 'decision', label: t('Cancelled the first order', '取消首单'), params: { trigger: { type: 'event', event: 'cancel_order' }, filter: { attribute: 'order_count', op: '=', value: 0 } }, at: [0, 1] },
    { id: 'topPicks', kind: 'message', stage: 'awareness', label: t('Push: top picks for you', '推送：为你精选热销'), params: { channel: 'push', content: t('Best sellers picked for you, free shipping on the first order', '为你精选热销好物，首单包邮。') }, at: [1] },
    { id: 'compareGuide', kind: 'message', stage: 'exploration', label: t('In-app: comparison guide', '应用内：选购对比指南'), params: { channel: 'in_app', content: t('Still comparing? Reviews, sizes and an adviser in one place', '还在犹豫？评价、尺码和顾问咨询，一站搞定。') }, at: [1] },
    { id: 'pageCoupon', kind: 'offer', stage: 'decision', label: t('Coupon: 15 off 99', '优惠券：满 99 减 15'), params: { offer: 'coupon', value: 15, minSpend: 99, validity: 'P3D' }, at: [1] },
    { id: 'pagePush', kind: 'message', stage: 'decision', label: t('Push: coupon claimed for you', '推送：券已到账'), params: { channel: 'push', content: t('We claimed your 15-yuan coupon for you', '15 元优惠券已帮你领好，下单直接抵扣。') }, at: [2] },
    { id: 'careMessage', kind: 'message', stage: 'decision', label: t('WeCom: was something wrong?', '企业微信：订单遇到问题了吗？'), params: { channel: 'wecom', content: t('Sorry the order did not work out, can we help?', '抱歉这次下单不太顺利，有什么可以帮你的吗？') }, at: [1, 1] },
    { id: 'careCoupon', kind: 'offer', stage: 'decision', label: t('Coupon: 20 off 129', '优惠券：满 129 减 20'), params: { offer: 'coupon', value: 20, minSpend: 129, validity: 'P3D' }, at: [2, 1] },
    { id: 'orders3d', kind: 'waitForEvent', stage: 'decision', label: t('Orders within 3 days?', '3 天内下单？'), params: { event: 'purchase', timeout: 'P3D' }, at: [3] },
    { id: 'lastNudge', kind: 'message', stage: 'decision', label: t('SMS: last reminder', '短信：最后提醒'), params: { channel: 'sms', content: t('Your picks are still in stock', '你看中的商品还有货，抓紧下单吧。') }, at: [4, 1] },
    { id: 'orders2d', kind: 'waitForEvent', stage: 'decision', label: t('Orders within 2 more days?', '再 2 天内下单？'), params: { event: 'purchase', timeout: 'P2D' }, at: [5, 1] },
    { id: 'firstOrder', kind: 'goal', stage: 'usage', label: t('First order', '首单'), params: { goal: t('First order', '首单'), event: 'purchase' }, at: [6] },
    { id: 'converted', kind: 'exit', stage: 'usage', label: t('Converted', '已转化'), params: { reason: t('converted', '已转化') }, at: [7] },
    { id: 'giveUp', kind: 'exit', stage: 'decision', label: t('Give up', '放弃'), params: { reason: t('no order after two touches', '两次触达后仍未下单') }, at: [6, 1] },
  ],
  edges: [
    ['registered', 'next', 'topPicks'],
    ['deepVisits', 'next', 'compareGuide'],
    ['couponPage', 'next', 'pageCoupon'],
    ['cancelledFirst', 'next', 'careMessage'],
    ['topPicks', 'next', 'orders3d'],
    ['compareGuide', 'next', 'orders3d'],
    ['pageCoupon', 'next', 'pagePush'],
    ['pagePush', 'next', 'orders3d'],
    ['careMessage', 'next', 'careCoupon'],
    ['careCoupon', 'next', 'orders3d'],
    ['orders3d', 'happened', 'firstOrder'],
    ['orders3d', 'timeout', 'lastNudge'],
    ['lastNudge', 'next', 'orders2d'],
    ['orders2d', 'happened', 'firstOrder'],
    ['orders2d', 'timeout', 'giveUp'],
    ['firstOrder', 'next', 'converted'],
  ],
});
