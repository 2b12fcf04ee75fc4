import { localized as t } from '../i18n';
import { defineTemplate } from './defineTemplate';
import { templateHeaders } from '../templateSummaries';

export const welcomeNewUser = defineTemplate(templateHeaders.welcomeNewUser, {
  settings: { frequencyCap: { touches: 3, window: 'P7D' }, exitOnGoal: true },
  nodes: [
    { id: 'registered', kind: 'entry', stage: 'awareness', label: t('Registered', '完成注册'), params: { trigger: { type: 'event', event: 'register' } }, at: [0] },
    { id: 'newcomerCoupon', kind: 'offer', stage: 'awareness', label: t('Newcomer coupon: 30 off 99', '新人券：满 99 减 30'), params: { offer: 'coupon', value: 30, minSpend: 99, validity: 'P7D' }, at: [1] },
    { id: 'welcome', kind: 'message', stage: 'awareness', label: t('Welcome pop-up', '欢迎弹窗'), params: { channel: 'in_app', content: t('Welcome! Your 30-yuan newcomer coupon is in your account', '欢迎加入！30 元新人券已到账，满 99 即可使用。') }, at: [2] },
    { id: 'orders3d', kind: 'waitForEvent', stage: 'exploration', label: t('First order within 3 days?', '3 天内下首单？'), params: { event: 'purchase', timeout: 'P3D' }, at: [3] },
    // Push reaches users who have the app and use it; a visit in the last 3 days is what every cohort can tell of that.
    { id: 'usesApp', kind: 'branch', stage: 'exploration', label: t('Opened the app in 3 days?', '3 天内打开过 App？'), params: { cases: [{ label: t('Opened the app', '打开过 App'), condition: { event: 'visit', within: 'P3D', op: '>=', count: 1 } }] }, at: [4] },
    { id: 'pushNudge', kind: 'message', stage: 'exploration', label: t('Push: picks for newcomers', '推送：新人专享好物'), params: { channel: 'push', content: t('Newcomer picks under 99 yuan, your coupon still works', '新人专享好物 99 元起，新人券仍可使用，快来挑选吧。') }, at: [5] },
    { id: 'smsNudge', kind: 'message', stage: 'exploration', label: t('SMS: coupon waiting', '短信：新人券待使用'), params: { channel: 'sms', content: t('Your 30-yuan newcomer coupon is waiting', '你的 30 元新人券还没用哦，快来下单吧。') }, at: [5, 1] },
    { id: 'orders3dMore', kind: 'waitForEvent', stage: 'decision', label: t('First order within 3 more days?', '再 3 天内下首单？'), params: { event: 'purchase', timeout: 'P3D' }, at: [6] },
    { id: 'expiryReminder', kind: 'message', stage: 'decision', label: t('Official account: coupon expires tomorrow', '公众号：新人券明天到期'), params: { channel: 'wechat_oa', content: t('Your newcomer coupon expires tomorrow', '你的新人券明天就要到期了，别错过。') }, at: [7, 1] },
    { id: 'lastDay', kind: 'waitForEvent', stage: 'decision', label: t('First order on the last day?', '最后一天下首单？'), params: { event: 'purchase', timeout: 'P1D' }, at: [8, 1] },
    { id: 'firstOrder', kind: 'goal', stage: 'usage', label: t('First order', '首单'), params: { goal: t('First order', '首单'), event: 'purchase' }, at: [7] },
    { id: 'tagBuyer', kind: 'tag', stage: 'usage', label: t('Tag: first order done', '打标签：已首单'), params: { action: 'add', tag: 'first_order_done' }, at: [8] },
    { id: 'done', kind: 'exit', stage: 'usage', label: t('Converted', '已转化'), params: { reason: t('converted', '已转化') }, at: [9] },
    { id: 'giveUp', kind: 'exit', stage: 'decision', label: t('No first order in 7 days', '7 天未下首单'), params: { reason: t('no first order in 7 days', '7 天内未下首单') }, at: [9, 1] },
  ],
  edges: [
    ['registered', 'next', 'newcomerCoupon'],
    ['newcomerCoupon', 'next', 'welcome'],
    ['welcome', 'next', 'orders3d'],
    ['orders3d', 'happened', 'firstOrder'],
    ['orders3d', 'timeout', 'usesApp'],
    ['usesApp', 'case-1', 'pushNudge'],
    ['usesApp', 'else', 'smsNudge'],
    ['pushNudge', 'next', 'orders3dMore'],
    ['smsNudge', 'next', 'orders3dMore'],
    ['orders3dMore', 'happened', 'firstOrder'],
    ['orders3dMore', 'timeout', 'expiryReminder'],
    ['expiryReminder', 'next', 'lastDay'],
    ['lastDay', 'happened', 'firstOrder'],
    ['lastDay', 'timeout', 'giveUp'],
    ['firstOrder', 'next', 'tagBuyer'],
    ['tagBuyer', 'next', 'done'],
  ],
});
