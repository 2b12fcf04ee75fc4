import { localized as t } from '../../i18n';
import type { LessonInput } from '../schema';

export const winBackHoldoutLesson: LessonInput = {
  format: 'journey-lab-lesson',
  schemaVersion: 1,
  id: 'win-back-holdout',
  title: t('Win-back with a holdout to prove lift', '带留出组的召回：证明真实提升'),
  summary: t(
    'Win back churning buyers by the reason they left, keep a random holdout untouched, and learn to tell real lift from users who would have come back anyway.',
    '按流失原因召回即将流失的老客户，随机设一个不触达的留出组，学会区分真实提升和“本来就会回来”的用户。',
  ),
  journey: { template: 'churn-win-back' },
  cohort: 'ecommerce',
  users: 2000,
  seed: 3,
  steps: [
    {
      title: t('Win back by cause', '按原因召回'),
      text: t(
        'Users flagged by the churn warning are split by why they left: price-sensitive users climb a coupon ladder, users with a bad experience get an apology and compensation, loyal lapsed users get an exclusive right.',
        '被流失预警标记的用户按流失原因分流：价格敏感的用户走优惠券阶梯，体验不佳的用户收到致歉信和补偿券，忠诚但沉默的用户获得专属权益。',
      ),
      focus: ['churnWarning', 'whyLeft', 'ladder1', 'apology', 'exclusiveRight'],
      lookAt: [{ target: 'nodeUsers', node: 'ladder1', text: t('The price-sensitive layer is usually the largest.', '价格敏感层通常人数最多。') }],
    },
    {
      title: t('The holdout: doing nothing on purpose', '留出组：刻意什么都不做'),
      text: t(
        'A random 10 % of users goes to the holdout and gets no touch at all. Some of them come back on their own; the lift is the difference between the win-back group and the holdout, the part the programme really caused.',
        '随机 10% 的用户进入留出组，不做任何触达。其中一些人会自己回来；召回组与留出组的转化率之差才是提升值，也就是召回方案真正带来的部分。',
      ),
      focus: ['holdoutSplit', 'holdoutWait'],
      lookAt: [
        { target: 'lift', text: t('Read the lift and its interval, not only the conversion rate.', '看提升值及其置信区间，而不只是转化率。') },
        { target: 'nodeUsers', node: 'holdoutWait', text: t('How many users are in the holdout? A small holdout gives a wide interval.', '留出组有多少人？留出组太小，区间就会很宽。') },
      ],
    },
    {
      title: t('A ladder climbs in cost', '阶梯越爬越贵'),
      text: t(
        'Each rung of the ladder is a bigger coupon on a costlier channel. Users who need time to decide are pushed to the next, more expensive rung after only seven days, and the last window is short for a user who has drifted away.',
        '阶梯的每一级都是更大的券、更贵的渠道。需要时间考虑的用户只过七天就被推到下一级更贵的优惠，而给已经疏远的用户的最后等待窗口也偏短。',
      ),
      focus: ['ladder1Wait', 'ladder2Wait', 'ladder3Wait', 'returns14d'],
      lookAt: [
        { target: 'nodeUsers', node: 'ladder3', text: t('Users who reach the 40-yuan coupon: the costliest rung.', '拿到 40 元券的用户：最贵的一级。') },
        { target: 'cac', text: t('Cost per won-back user.', '每召回一位用户的成本。') },
      ],
    },
    {
      title: t('Challenge: more won back, for less', '挑战：召回更多，花得更少'),
      text: t(
        'Raise the conversion rate by at least 20 % without raising the cost per conversion. Change the journey, run it again and compare with the baseline run.',
        '在不提高每次转化成本的前提下，把转化率提高至少 20%。修改旅程，重新模拟，并与基线结果比较。',
      ),
      tryThis: {
        text: t(
          'Give each ladder rung 14 days instead of 7, and give the apology and right paths 28 days instead of 14.',
          '把每一级阶梯的等待从 7 天延长到 14 天，把致歉和权益路径的等待从 14 天延长到 28 天。',
        ),
        edits: [
          { type: 'setParam', node: 'ladder1Wait', param: 'timeout', value: 'P14D' },
          { type: 'setParam', node: 'ladder2Wait', param: 'timeout', value: 'P14D' },
          { type: 'setParam', node: 'ladder3Wait', param: 'timeout', value: 'P14D' },
          { type: 'setParam', node: 'returns14d', param: 'timeout', value: 'P28D' },
        ],
      },
      challenge: {
        goal: t('Raise conversion by 20 % without raising the cost per conversion (CAC).', '转化率提高 20%，同时不提高每次转化的成本（CAC）。'),
        conditions: [
          { metric: 'conversionRate', change: 'relative', atLeast: 0.2 },
          { metric: 'cac', atMost: 'baseline' },
        ],
        hints: [
          t('Bigger coupons raise the cost faster than the conversions.', '加大优惠券面额，成本涨得比转化更快。'),
          t('Look at how long each wait gives users before the next, costlier step.', '看看每个等待节点在进入下一步更贵的触达前，给了用户多长时间。'),
          t('Lapsed users decide slowly: longer waits let the cheaper offers work.', '沉默用户做决定很慢：延长等待，让便宜的优惠先发挥作用。'),
        ],
      },
    },
  ],
};
