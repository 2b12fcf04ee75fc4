import { localized as t } from '../i18n';
import { defineTemplate } from './defineTemplate';
import { templateHeaders } from '../templateSummaries';

export const wechatLeadCapture = defineTemplate(templateHeaders.wechatLeadCapture, {
  settings: { frequencyCap: { touches: 3, window: 'P7D' }, exitOnGoal: true },
  nodes: [
    { id: 'keywordReply', kind: 'entry', stage: 'awareness', label: t('Replied with a keyword', '公众号回复关键词'), params: { trigger: { type: 'event', event: 'keyword_reply' } }, at: [0] },
    { id: 'landingBounce', kind: 'entry', stage: 'awareness', label: t('Bounced from the landing page', '落地页跳出'), params: { trigger: { type: 'event', event: 'landing_bounce' } }, at: [0, 1] },
    { id: 'autoReply', kind: 'message', stage: 'awareness', label: t('Auto-reply: white paper and short form', '自动回复：白皮书 + 简化表单'), params: { channel: 'wechat_oa', content: t('Here is the white paper; two fields get you the full benchmark report', '白皮书请查收！只需填写两项信息，即可领取完整版行业对标报告。') }, at: [1] },
    { id: 'formSms', kind: 'message', stage: 'awareness', label: t('SMS: the 30-second form', '短信：30 秒简化表单'), params: { channel: 'sms', content: t('Get the report with a 30-second form: name and phone only', '30 秒填表领取报告，只需填写姓名和手机号。') }, at: [1, 1] },
    { id: 'fillsForm', kind: 'waitForEvent', stage: 'exploration', label: t('Fills in the form within 3 days?', '3 天内提交表单？'), params: { event: 'form_submit', timeout: 'P3D' }, at: [2] },
    { id: 'lead', kind: 'goal', stage: 'exploration', label: t('Lead captured', '获得线索'), params: { goal: t('Lead', '线索'), event: 'form_submit' }, at: [3] },
    { id: 'communityInvite', kind: 'message', stage: 'exploration', label: t('Invite to the industry community', '邀请加入行业社群'), params: { channel: 'community', content: t('Join 300 peers for the live benchmark session on Thursday', '周四行业对标直播，与 300 位同行一起交流，欢迎入群。') }, at: [3, 1] },
    { id: 'fillsForm7d', kind: 'waitForEvent', stage: 'exploration', label: t('Fills in the form within 7 days?', '7 天内提交表单？'), params: { event: 'form_submit', timeout: 'P7D' }, at: [4, 1] },
    { id: 'noLead', kind: 'exit', stage: 'exploration', label: t('No lead', '未留资'), params: { reason: t('no form after community invite', '社群邀请后仍未留资') }, at: [5, 1] },
    { id: 'adviser', kind: 'message', stage: 'decision', label: t('WeCom: sales adviser follows up', '企业微信：销售顾问跟进'), params: { channel: 'wecom', content: t('I am your adviser; shall we book a 20-minute demo?', '您好，我是您的专属顾问，方便约一个 20 分钟的产品演示吗？') }, at: [4] },
    { id: 'becomesMql', kind: 'waitForEvent', stage: 'decision', label: t('Qualified within 14 days?', '14 天内成为 MQL？'), params: { event: 'mql', timeout: 'P14D' }, at: [5] },
    { id: 'mql', kind: 'goal', stage: 'decision', label: t('MQL', '营销合格线索'), params: { goal: t('MQL', '营销合格线索'), event: 'mql' }, at: [6] },
    { id: 'qualifiedExit', kind: 'exit', stage: 'decision', label: t('Handed to sales', '转交销售'), params: { reason: t('qualified', '已成为营销合格线索') }, at: [7] },
    { id: 'tagNurture', kind: 'tag', stage: 'decision', label: t('Tag: long-term nurture', '打标签：长期培育'), params: { action: 'add', tag: 'nurture' }, at: [6, 1] },
    { id: 'nurtureExit', kind: 'exit', stage: 'decision', label: t('To nurture programme', '转入培育计划'), params: { reason: t('not qualified in 14 days', '14 天内未成为营销合格线索') }, at: [7, 1] },
  ],
  edges: [
    ['keywordReply', 'next', 'autoReply'],
    ['landingBounce', 'next', 'formSms'],
    ['autoReply', 'next', 'fillsForm'],
    ['formSms', 'next', 'fillsForm'],
    ['fillsForm', 'happened', 'lead'],
    ['fillsForm', 'timeout', 'communityInvite'],
    ['communityInvite', 'next', 'fillsForm7d'],
    ['fillsForm7d', 'happened', 'lead'],
    ['fillsForm7d', 'timeout', 'noLead'],
    ['lead', 'next', 'adviser'],
    ['adviser', 'next', 'becomesMql'],
    ['becomesMql', 'happened', 'mql'],
    ['becomesMql', 'timeout', 'tagNurture'],
    ['tagNurture', 'next', 'nurtureExit'],
    ['mql', 'next', 'qualifiedExit'],
  ],
});
