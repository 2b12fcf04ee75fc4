import { localized as t } from '../../i18n';
import type { LessonInput } from '../schema';

const edge = (source: string, sourcePort: string, target: string) => ({ id: `${source}--${sourcePort}`, source, sourcePort, target });

/** An RFM-layered care journey for the e-commerce cohort, embedded to show a lesson can carry its own journey. */
const rfmJourney = {
  schemaVersion: 2,
  id: 'rfm-layered-care',
  name: 'RFM-layered care / RFM 分层关怀',
  settings: { frequencyCap: { touches: 2, window: 'P7D' } },
  nodes: [
    { id: 'allCustomers', kind: 'entry', stage: 'usage', label: 'All customers', params: { trigger: { type: 'audience' } } },
    { id: 'rfmLayer', kind: 'branch', stage: 'usage', label: 'RFM layer?', params: { cases: [
      { label: 'High value', condition: { all: [{ rfm: 'recency', op: '>=', score: 4 }, { rfm: 'monetary', op: '>=', score: 4 }] } },
      { label: 'Frequent', condition: { rfm: 'frequency', op: '>=', score: 3 } },
    ] } },
    { id: 'vipRight', kind: 'offer', stage: 'loyalty', label: 'Right: free shipping', params: { offer: 'right', value: 30, validity: 'P30D' } },
    { id: 'vipWecom', kind: 'message', stage: 'loyalty', label: 'WeCom: adviser care', params: { channel: 'wecom', content: 'A personal thank-you from your adviser' } },
    { id: 'frequentCoupon', kind: 'offer', stage: 'usage', label: 'Coupon: 15 off 129', params: { offer: 'coupon', value: 15, minSpend: 129, validity: 'P14D' } },
    { id: 'frequentPush', kind: 'message', stage: 'usage', label: 'Push: new arrivals', params: { channel: 'push', content: 'New arrivals picked for you' } },
    { id: 'massCoupon', kind: 'offer', stage: 'exploration', label: 'Coupon: 10 off 99', params: { offer: 'coupon', value: 10, minSpend: 99, validity: 'P14D' } },
    { id: 'massSms', kind: 'message', stage: 'exploration', label: 'SMS: coupon inside', params: { channel: 'sms', content: '10 yuan off your next order' } },
    { id: 'buys14d', kind: 'waitForEvent', stage: 'decision', label: 'Orders within 14 days?', params: { event: 'purchase', timeout: 'P14D' } },
    { id: 'ordered', kind: 'goal', stage: 'usage', label: 'Ordered', params: { goal: 'Order', event: 'purchase' } },
    { id: 'orderedExit', kind: 'exit', stage: 'usage', label: 'Ordered', params: { reason: 'ordered' } },
    { id: 'noOrder', kind: 'exit', stage: 'decision', label: 'No order', params: { reason: 'no order in 14 days' } },
  ],
  edges: [
    edge('allCustomers', 'next', 'rfmLayer'),
    edge('rfmLayer', 'case-1', 'vipRight'),
    edge('rfmLayer', 'case-2', 'frequentCoupon'),
    edge('rfmLayer', 'else', 'massCoupon'),
    edge('vipRight', 'next', 'vipWecom'),
    edge('vipWecom', 'next', 'buys14d'),
    edge('frequentCoupon', 'next', 'frequentPush'),
    edge('frequentPush', 'next', 'buys14d'),
    edge('massCoupon', 'next', 'massSms'),
    edge('massSms', 'next', 'buys14d'),
    edge('buys14d', 'happened', 'ordered'),
    edge('buys14d', 'timeout', 'noOrder'),
    edge('ordered', 'next', 'orderedExit'),
  ],
};

export const rfmSegmentationLesson: LessonInput = {
  format: 'journey-lab-lesson',
  schemaVersion: 1,
  id: 'rfm-segmentation',
  title: t('Segmentation with RFM', '用 RFM 做用户分层'),
  summary: t(
    'Split customers by recency, frequency and monetary value, and give each layer the care it is worth: rights for the best, coupons where price moves people.',
    '按最近一次消费、消费频率和消费金额给客户分层，让每一层得到与其价值相称的服务：高价值用户给权益，对价格敏感的用户给优惠券。',
  ),
  journey: { document: rfmJourney },
  cohort: 'ecommerce',
  users: 2000,
  seed: 1,
  steps: [
    {
      title: t('R, F and M', 'R、F、M 是什么'),
      text: t(
        'RFM scores every customer from 1 to 5 on recency (how recently they bought), frequency (how often) and monetary value (how much). Layering by value is vertical segmentation: it decides how much each user is worth spending on.',
        'RFM 在三个维度上给每位客户打 1–5 分：最近一次消费（R）、消费频率（F）和消费金额（M）。按价值分层是纵向细分：它决定了在每位用户身上值得投入多少。',
      ),
      focus: ['allCustomers', 'rfmLayer'],
      lookAt: [{ target: 'entered', text: t('Everyone enters; the branch decides who gets what.', '所有人都进入旅程；由分支决定谁得到什么。') }],
    },
    {
      title: t('Three layers, three treatments', '三个层级，三种对待'),
      text: t(
        'Recent big spenders get a member right and a personal WeCom message, not a discount: they buy anyway, and a coupon would only cut margin. Frequent buyers get a modest coupon by push. Everyone else gets a small coupon by SMS, the channel that reaches most people.',
        '最近消费且金额高的用户得到会员权益和企业微信的专属问候，而不是折扣：他们本来就会买，发券只会压低利润。高频用户通过推送收到一张适中的优惠券。其余用户通过覆盖面最广的短信收到一张小额券。',
      ),
      focus: ['vipRight', 'vipWecom', 'frequentCoupon', 'frequentPush', 'massCoupon', 'massSms'],
      lookAt: [
        { target: 'nodeUsers', node: 'vipWecom', text: t('How big is the top layer? Usually a small share of users.', '最高层有多少人？通常只占一小部分。') },
        { target: 'nodeUsers', node: 'massSms', text: t('The mass layer is the largest, so its per-user cost matters most.', '大众层人数最多，所以它的人均成本最关键。') },
      ],
    },
    {
      title: t('Read results by layer', '按层级看结果'),
      text: t(
        'A single conversion rate hides the layers. Compare cost and conversions segment by segment: the best layer may convert well at almost no cost, the mass layer may need a better offer or none at all.',
        '一个总转化率会掩盖各层的差异。逐个细分比较成本和转化：最高层可能几乎零成本就转化很好，大众层则可能需要更好的优惠，或者干脆不发。',
      ),
      focus: ['buys14d', 'ordered'],
      lookAt: [
        { target: 'conversionRate', text: t('The overall rate, the sum of very different layers.', '总体转化率，是几个差异很大的层级之和。') },
        { target: 'incrementalRoi', text: t('Return on what the layers cost together, counting only what the journey added.', '各层总成本的投资回报，只计旅程额外带来的部分。') },
      ],
      tryThis: {
        text: t('Tighten the top layer to recency and monetary scores of 5, and see how many users move to the frequent layer.', '把最高层的门槛收紧到 R 和 M 都是 5 分，看看有多少用户落到高频层。'),
        edits: [
          {
            type: 'setParam',
            node: 'rfmLayer',
            param: 'cases',
            value: [
              { label: 'High value', condition: { all: [{ rfm: 'recency', op: '>=', score: 5 }, { rfm: 'monetary', op: '>=', score: 5 }] } },
              { label: 'Frequent', condition: { rfm: 'frequency', op: '>=', score: 3 } },
            ],
          },
        ],
      },
    },
  ],
};
