import { localized as t } from '../../i18n';
import type { LessonInput } from '../schema';

const ROUNDS = 6;
const edge = (source: string, sourcePort: string, target: string) => ({ id: `${source}--${sourcePort}`, source, sourcePort, target });

/** A flash-sale blast: one SMS a day for six days to everyone who has not bought, with no frequency cap. */
const blastJourney = {
  schemaVersion: 2,
  id: 'daily-flash-sale-blast',
  name: 'Daily flash-sale SMS blast / 每日秒杀短信轰炸',
  settings: { frequencyCap: null },
  nodes: [
    { id: 'everyone', kind: 'entry', stage: 'awareness', label: 'Everyone', params: { trigger: { type: 'audience' } } },
    ...Array.from({ length: ROUNDS }, (_, index) => [
      { id: `sms${index + 1}`, kind: 'message', stage: 'exploration', label: `SMS day ${index + 1}`, params: { channel: 'sms', content: 'Flash sale today only' } },
      { id: `buys${index + 1}`, kind: 'waitForEvent', stage: 'decision', label: `Buys on day ${index + 1}?`, params: { event: 'purchase', timeout: 'P1D' } },
    ]).flat(),
    { id: 'bought', kind: 'goal', stage: 'usage', label: 'Ordered', params: { goal: 'Order', event: 'purchase' } },
    { id: 'boughtExit', kind: 'exit', stage: 'usage', label: 'Ordered', params: { reason: 'ordered' } },
    { id: 'giveUp', kind: 'exit', stage: 'decision', label: 'No order after six SMS', params: { reason: 'no order' } },
  ],
  edges: [
    edge('everyone', 'next', 'sms1'),
    ...Array.from({ length: ROUNDS }, (_, index) => [
      edge(`sms${index + 1}`, 'next', `buys${index + 1}`),
      edge(`buys${index + 1}`, 'happened', 'bought'),
      edge(`buys${index + 1}`, 'timeout', index + 1 < ROUNDS ? `sms${index + 2}` : 'giveUp'),
    ]).flat(),
    edge('bought', 'next', 'boughtExit'),
  ],
};

export const frequencyCapsLesson: LessonInput = {
  format: 'journey-lab-lesson',
  schemaVersion: 1,
  id: 'frequency-caps',
  title: t('Frequency caps: stop bombarding users', '频次上限：别再轰炸用户'),
  summary: t(
    'A daily SMS to everyone who has not bought looks cheap, but each message wears users out until they unsubscribe. See the damage, then cap it without losing sales.',
    '每天给未下单的人发一条短信看似便宜，但每条消息都在消耗用户的耐心，直到他们退订。先看清代价，再用频次上限止损，同时不丢销量。',
  ),
  journey: { document: blastJourney },
  cohort: 'ecommerce',
  users: 2000,
  seed: 1,
  steps: [
    {
      title: t('Six SMS in six days', '六天六条短信'),
      text: t(
        'Everyone who has not bought gets a flash-sale SMS every day for six days, and the journey has no frequency cap. This is the “bombarded” pattern the seeds warn about: unconverted users are touched again and again.',
        '没有下单的人连续六天每天收到一条秒杀短信，而且旅程没有设置频次上限。这正是资料中警告的“轰炸”模式：未转化的用户被一遍又一遍地触达。',
      ),
      focus: ['sms1', 'sms2', 'sms3', 'sms4', 'sms5', 'sms6'],
      lookAt: [
        { target: 'unsubscribes', text: t('Count the users who opted out of SMS during the campaign.', '数一数活动期间退订短信的用户。') },
        { target: 'channels', text: t('Sends per day: the same people, every day.', '每日发送量：每天都是同一批人。') },
      ],
    },
    {
      title: t('Who actually buys', '到底是谁在购买'),
      text: t(
        'Most orders come from users who would have bought anyway, and later messages mostly reach people who have already decided not to. Each extra touch adds a little revenue and a stream of unsubscribes that grows with the pressure: the more messages a user has had this week, the likelier the next one makes them opt out. An unsubscribed user is lost to every future campaign.',
        '大部分订单来自本来就会购买的用户，而后面的消息主要发给了已经决定不买的人。每多一次触达，收入只多一点，退订却越来越多：用户这一周收到的消息越多，下一条就越可能让他退订。一个退订的用户，对今后所有活动都不再可达。',
      ),
      focus: ['buys4', 'buys5', 'buys6', 'giveUp'],
      lookAt: [
        { target: 'converted', text: t('Conversions: the number to protect.', '转化人数：需要守住的数字。') },
        { target: 'nodeUsers', node: 'sms6', text: t('Users still receiving the sixth SMS.', '仍在收第六条短信的用户。') },
      ],
    },
    {
      title: t('Challenge: cap the touches', '挑战：给触达设上限'),
      text: t(
        'A frequency cap limits how many touches one user receives in a window, across all channels; touches over the cap are held back. Find a cap that protects users without costing sales.',
        '频次上限限制了每位用户在一个时间窗口内（跨所有渠道）收到的触达次数；超出上限的触达会被拦下。找到一个既能保护用户、又不损失销量的上限。',
      ),
      lookAt: [{ target: 'suppressed', text: t('Touches the cap held back.', '被频次上限拦下的触达。') }],
      tryThis: {
        text: t('Set the frequency cap to 2 touches per 7 days.', '把频次上限设为每 7 天 2 次。'),
        edits: [{ type: 'setSetting', setting: 'frequencyCap', value: { touches: 2, window: 'P7D' } }],
      },
      challenge: {
        goal: t('Cut unsubscribes by half while keeping conversions within 5 %.', '退订减半，同时转化人数的降幅不超过 5%。'),
        conditions: [
          { metric: 'unsubscribes', change: 'relative', atMost: -0.5 },
          { metric: 'converted', change: 'relative', atLeast: -0.05 },
        ],
        hints: [
          t('The journey settings have a frequency cap; it is switched off here.', '旅程设置里有频次上限，这里它被关掉了。'),
          t('Most buyers buy in the first days: the later messages matter least.', '大多数买家在前几天就下单了：后面的消息作用最小。'),
          t('Try two touches per seven days.', '试试每 7 天 2 次。'),
        ],
      },
    },
  ],
};
