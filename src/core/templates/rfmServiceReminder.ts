import { localized as t } from '../i18n';
import { defineTemplate } from './defineTemplate';
import { templateHeaders } from '../templateSummaries';

export const rfmServiceReminder = defineTemplate(templateHeaders.rfmServiceReminder, {
  settings: { frequencyCap: { touches: 2, window: 'P14D' }, exitOnGoal: true },
  nodes: [
    { id: 'serviceDue', kind: 'entry', stage: 'usage', label: t('Maintenance due', '保养到期'), params: { trigger: { type: 'event', event: 'service_due' } }, at: [0] },
    { id: 'rfmLayer', kind: 'branch', stage: 'usage', label: t('RFM layer?', 'RFM 分层？'), params: { cases: [
      { label: t('High value', '高价值'), condition: { all: [{ rfm: 'recency', op: '>=', score: 4 }, { rfm: 'monetary', op: '>=', score: 4 }] } },
      { label: t('Frequent visitors', '高频到店'), condition: { rfm: 'frequency', op: '>=', score: 3 } },
    ] }, at: [1] },
    { id: 'valetRight', kind: 'offer', stage: 'loyalty', label: t('Right: free pick-up and delivery', '权益：免费上门取送车'), params: { offer: 'right', value: 120, validity: 'P30D' }, at: [2] },
    { id: 'adviserCall', kind: 'message', stage: 'loyalty', label: t('Call from the service adviser', '专属服务顾问电话邀约'), params: { channel: 'call', content: t('Your car is due for maintenance; we can collect it from you', '您的爱车该保养了，我们可以免费上门取送车。') }, at: [3] },
    { id: 'loyalVoucher', kind: 'offer', stage: 'usage', label: t('Voucher: 100 off 500', '保养券：满 500 减 100'), params: { offer: 'coupon', value: 100, minSpend: 500, validity: 'P30D' }, at: [2] },
    { id: 'loyalWecom', kind: 'message', stage: 'usage', label: t('WeCom: book your service', '企业微信：预约保养'), params: { channel: 'wecom', content: t('Maintenance is due; book a slot and use your 100-yuan voucher', '爱车保养到期啦，预约到店即可使用 100 元保养券。') }, at: [3] },
    { id: 'basicVoucher', kind: 'offer', stage: 'usage', label: t('Voucher: 50 off 300', '保养券：满 300 减 50'), params: { offer: 'coupon', value: 50, minSpend: 300, validity: 'P30D' }, at: [2, 1] },
    { id: 'basicSms', kind: 'message', stage: 'usage', label: t('SMS: maintenance due', '短信：保养到期提醒'), params: { channel: 'sms', content: t('Maintenance is due; 50 yuan off at our workshop this month', '您的爱车保养到期，本月到店保养立减 50 元。') }, at: [3, 1] },
    { id: 'books14d', kind: 'waitForEvent', stage: 'loyalty', label: t('Serviced within 14 days?', '14 天内到店保养？'), params: { event: 'purchase', timeout: 'P14D' }, at: [4] },
    { id: 'secondReminder', kind: 'message', stage: 'loyalty', label: t('Official account: second reminder', '公众号：二次提醒'), params: { channel: 'wechat_oa', content: t('Still time to book: online booking takes one minute', '现在预约还来得及，线上预约只需 1 分钟。') }, at: [5, 1] },
    { id: 'books14dMore', kind: 'waitForEvent', stage: 'loyalty', label: t('Serviced within 14 more days?', '再 14 天内到店？'), params: { event: 'purchase', timeout: 'P14D' }, at: [6, 1] },
    { id: 'tagLapsed', kind: 'tag', stage: 'loyalty', label: t('Tag: maintenance lapsed', '打标签：保养流失'), params: { action: 'add', tag: 'service_lapsed' }, at: [7, 1] },
    { id: 'lapsedExit', kind: 'exit', stage: 'loyalty', label: t('Handed to after-sales', '转售后跟进'), params: { reason: t('no service after two reminders', '两次提醒后仍未到店保养') }, at: [8, 1] },
    { id: 'serviced', kind: 'goal', stage: 'loyalty', label: t('Serviced on time', '按时保养'), params: { goal: t('Serviced', '到店保养'), event: 'purchase' }, at: [7] },
    { id: 'servicedExit', kind: 'exit', stage: 'loyalty', label: t('Retained', '已留存'), params: { reason: t('serviced', '已保养') }, at: [8] },
  ],
  edges: [
    ['serviceDue', 'next', 'rfmLayer'],
    ['rfmLayer', 'case-1', 'valetRight'],
    ['rfmLayer', 'case-2', 'loyalVoucher'],
    ['rfmLayer', 'else', 'basicVoucher'],
    ['valetRight', 'next', 'adviserCall'],
    ['adviserCall', 'next', 'books14d'],
    ['loyalVoucher', 'next', 'loyalWecom'],
    ['loyalWecom', 'next', 'books14d'],
    ['basicVoucher', 'next', 'basicSms'],
    ['basicSms', 'next', 'books14d'],
    ['books14d', 'happened', 'serviced'],
    ['books14d', 'timeout', 'secondReminder'],
    ['secondReminder', 'next', 'books14dMore'],
    ['books14dMore', 'happened', 'serviced'],
    ['books14dMore', 'timeout', 'tagLapsed'],
    ['tagLapsed', 'next', 'lapsedExit'],
    ['serviced', 'next', 'servicedExit'],
  ],
});
