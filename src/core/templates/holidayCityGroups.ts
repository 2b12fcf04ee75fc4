import { localized as t } from '../i18n';
import { defineTemplate } from './defineTemplate';
import { templateHeaders } from '../templateSummaries';

export const holidayCityGroups = defineTemplate(templateHeaders.holidayCityGroups, {
  settings: { horizon: 'P30D', frequencyCap: { touches: 2, window: 'P7D' }, exitOnGoal: true },
  nodes: [
    { id: 'campaignStart', kind: 'entry', stage: 'awareness', label: t('Campaign starts (2 weeks before Mid-Autumn)', '活动开始（中秋前两周）'), params: { trigger: { type: 'schedule', after: 'P7D' }, filter: { tag: 'complained', present: false } }, at: [0] },
    { id: 'cityGroup', kind: 'branch', stage: 'awareness', label: t('Which city group?', '属于哪个城市群？'), params: { cases: [
      { label: t('North', '北方城市'), condition: { attribute: 'region', op: 'in', value: ['beijing', 'tianjin', 'shenyang', 'jinan', 'harbin'] } },
      { label: t('South China', '华南城市'), condition: { attribute: 'region', op: 'in', value: ['guangzhou', 'shenzhen', 'foshan', 'dongguan', 'xiamen'] } },
      { label: t('Jiangsu–Zhejiang–Shanghai', '江浙沪'), condition: { attribute: 'region', op: 'in', value: ['shanghai', 'hangzhou', 'nanjing', 'suzhou', 'ningbo'] } },
    ] }, at: [1] },
    { id: 'otherCities', kind: 'exit', stage: 'awareness', label: t('Other cities: not in this campaign', '其他城市：不参加本次活动'), params: { reason: t('city not in campaign', '城市不在本次活动范围') }, at: [2, 1] },
    { id: 'northCoupon', kind: 'offer', stage: 'decision', label: t('North: 30 off 199, Beijing-style box', '北方：京式礼盒满 199 减 30'), params: { offer: 'coupon', value: 30, minSpend: 199, validity: 'P14D' }, at: [2] },
    { id: 'northSms', kind: 'message', stage: 'decision', label: t('SMS: Beijing-style mooncakes', '短信：京式月饼'), params: { channel: 'sms', content: t('Beijing-style mooncakes for Mid-Autumn: 30 off 199', '中秋京式月饼上新，满 199 减 30。') }, at: [3] },
    { id: 'southCoupon', kind: 'offer', stage: 'decision', label: t('South: 50 off 299, Cantonese box', '华南：广式礼盒满 299 减 50'), params: { offer: 'coupon', value: 50, minSpend: 299, validity: 'P14D' }, at: [2, 1] },
    { id: 'southOa', kind: 'message', stage: 'decision', label: t('Official account: Cantonese lotus paste', '公众号：广式莲蓉'), params: { channel: 'wechat_oa', content: t('Double-yolk lotus paste gift boxes: 50 off 299', '双黄莲蓉月饼礼盒，满 299 减 50。') }, at: [3, 1] },
    { id: 'eastPush', kind: 'message', stage: 'awareness', label: t('Push: new Suzhou-style flavours, no coupon', '推送：苏式新口味，不发券'), params: { channel: 'push', content: t('Freshly baked Suzhou-style mooncakes: three new fillings this year', '现烤苏式月饼，今年上新三款馅料。') }, at: [2] },
    { id: 'orders10d', kind: 'waitForEvent', stage: 'decision', label: t('Orders within 10 days?', '10 天内下单？'), params: { event: 'purchase', timeout: 'P10D' }, at: [4] },
    { id: 'lastCall', kind: 'message', stage: 'decision', label: t('SMS: order by tomorrow for delivery', '短信：明天前下单，节前送达'), params: { channel: 'sms', content: t('Order by tomorrow to receive your mooncakes before the festival', '明天前下单，月饼节前送达。') }, at: [5, 1] },
    { id: 'orders2d', kind: 'waitForEvent', stage: 'decision', label: t('Orders within 2 days?', '2 天内下单？'), params: { event: 'purchase', timeout: 'P2D' }, at: [6, 1] },
    { id: 'holidayOrder', kind: 'goal', stage: 'usage', label: t('Mid-Autumn order', '中秋订单'), params: { goal: t('Holiday order', '节日订单'), event: 'purchase' }, at: [7] },
    { id: 'orderedExit', kind: 'exit', stage: 'usage', label: t('Ordered', '已下单'), params: { reason: t('ordered', '已下单') }, at: [8] },
    { id: 'noOrder', kind: 'exit', stage: 'decision', label: t('No holiday order', '未下节日订单'), params: { reason: t('no order before the festival', '节前未下单') }, at: [7, 1] },
  ],
  edges: [
    ['campaignStart', 'next', 'cityGroup'],
    ['cityGroup', 'case-1', 'northCoupon'],
    ['cityGroup', 'case-2', 'southCoupon'],
    ['cityGroup', 'case-3', 'eastPush'],
    ['cityGroup', 'else', 'otherCities'],
    ['northCoupon', 'next', 'northSms'],
    ['southCoupon', 'next', 'southOa'],
    ['northSms', 'next', 'orders10d'],
    ['southOa', 'next', 'orders10d'],
    ['eastPush', 'next', 'orders10d'],
    ['orders10d', 'happened', 'holidayOrder'],
    ['orders10d', 'timeout', 'lastCall'],
    ['lastCall', 'next', 'orders2d'],
    ['orders2d', 'happened', 'holidayOrder'],
    ['orders2d', 'timeout', 'noOrder'],
    ['holidayOrder', 'next', 'orderedExit'],
  ],
});
