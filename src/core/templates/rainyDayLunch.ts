import { localized as t } from '../i18n';
import { defineTemplate } from './defineTemplate';
import { templateHeaders } from '../templateSummaries';

export const rainyDayLunch = defineTemplate(templateHeaders.rainyDayLunch, {
  settings: {
    frequencyCap: { touches: 2, window: 'P1D' },
    exitOnGoal: true,
    reentry: { policy: 'afterExit', cooldown: 'PT12H' },
  },
  nodes: [
    { id: 'rainAlert', kind: 'entry', stage: 'awareness', label: t('Rain at the user’s location (10:00 feed)', '用户所在地下雨（10 点天气数据）'), params: { trigger: { type: 'event', event: 'weather_rain' }, filter: { tag: 'lunch_orderer', present: true } }, at: [0] },
    { id: 'untilLunch', kind: 'wait', stage: 'awareness', label: t('Wait until 11:00', '等到 11 点'), params: { duration: 'PT1H' }, at: [1] },
    { id: 'lunchCoupon', kind: 'offer', stage: 'decision', label: t('Lunch coupon: 8 off 30, 3 hours', '午餐券：满 30 减 8，3 小时有效'), params: { offer: 'coupon', value: 8, minSpend: 30, validity: 'PT3H' }, at: [2] },
    { id: 'lunchPush', kind: 'message', stage: 'decision', label: t('Push: rainy-day lunch delivered', '推送：下雨天，午餐送到工位'), params: { channel: 'push', content: t('It is raining: lunch delivered to your desk, 8 yuan off until 14:00', '下雨了，午餐送到工位！14 点前下单立减 8 元。') }, at: [3] },
    { id: 'ordersLunch', kind: 'waitForEvent', stage: 'decision', label: t('Orders by 14:00?', '14 点前下单？'), params: { event: 'purchase', timeout: 'PT3H' }, at: [4] },
    { id: 'untilDinner', kind: 'wait', stage: 'decision', label: t('Wait until 17:00', '等到 17 点'), params: { duration: 'PT3H' }, at: [5, 1] },
    { id: 'dinnerCoupon', kind: 'offer', stage: 'decision', label: t('Dinner coupon: 5 off 30, 3 hours', '晚餐券：满 30 减 5，3 小时有效'), params: { offer: 'coupon', value: 5, minSpend: 30, validity: 'PT3H' }, at: [6, 1] },
    { id: 'dinnerPopup', kind: 'message', stage: 'decision', label: t('In-app: still raining, dinner coupon', '应用内：雨还在下，晚餐券'), params: { channel: 'in_app', content: t('Still raining? 5 yuan off dinner until 20:00', '雨还在下？20 点前点晚餐立减 5 元。') }, at: [7, 1] },
    { id: 'ordersDinner', kind: 'waitForEvent', stage: 'decision', label: t('Orders by 20:00?', '20 点前下单？'), params: { event: 'purchase', timeout: 'PT3H' }, at: [8, 1] },
    { id: 'rainyOrder', kind: 'goal', stage: 'usage', label: t('Rainy-day order', '雨天订单'), params: { goal: t('Rainy-day order', '雨天订单'), event: 'purchase' }, at: [9] },
    { id: 'orderedExit', kind: 'exit', stage: 'usage', label: t('Ordered', '已下单'), params: { reason: t('ordered', '已下单') }, at: [10] },
    { id: 'noOrderExit', kind: 'exit', stage: 'decision', label: t('No order today', '今天未下单'), params: { reason: t('no order today', '今天未下单') }, at: [9, 1] },
  ],
  edges: [
    ['rainAlert', 'next', 'untilLunch'],
    ['untilLunch', 'next', 'lunchCoupon'],
    ['lunchCoupon', 'next', 'lunchPush'],
    ['lunchPush', 'next', 'ordersLunch'],
    ['ordersLunch', 'happened', 'rainyOrder'],
    ['ordersLunch', 'timeout', 'untilDinner'],
    ['untilDinner', 'next', 'dinnerCoupon'],
    ['dinnerCoupon', 'next', 'dinnerPopup'],
    ['dinnerPopup', 'next', 'ordersDinner'],
    ['ordersDinner', 'happened', 'rainyOrder'],
    ['ordersDinner', 'timeout', 'noOrderExit'],
    ['rainyOrder', 'next', 'orderedExit'],
  ],
});
