import { localized as t } from '../../i18n';
import type { LessonInput } from '../schema';

export const cartAbandonmentCouponLesson: LessonInput = {
  format: 'journey-lab-lesson',
  schemaVersion: 1,
  id: 'cart-abandonment-coupon',
  title: t('Cart abandonment: remind first, discount last', '加购未下单：先提醒，最后才发券'),
  summary: t(
    'Users who add to cart and do not buy are the warmest leads you have. Learn why the coupon comes after a free reminder, and what a coupon really costs.',
    '加购却未下单的用户是最有意向的潜在客户。本课讲清楚为什么先发免费提醒、再发优惠券，以及一张券的真实成本。',
  ),
  journey: { template: 'cart-abandonment' },
  cohort: 'ecommerce',
  users: 2000,
  seed: 1,
  steps: [
    {
      title: t('Many buy on their own', '很多人会自己下单'),
      text: t(
        'The journey first waits 24 hours. A good share of users finish the purchase without any touch; sending them a coupon would only give away margin.',
        '旅程先等待 24 小时。相当一部分用户不需要任何触达就会完成购买；给他们发券只会白白让利。',
      ),
      focus: ['added', 'wait24'],
      lookAt: [{ target: 'nodeUsers', node: 'remind', text: t('Compare the users who reach the reminder with those who entered.', '比较到达提醒节点的人数和进入旅程的人数。') }],
    },
    {
      title: t('A free reminder before any discount', '先免费提醒，再谈优惠'),
      text: t(
        'A push reminder costs almost nothing. Only users who still have not bought 48 hours later get the coupon, so the discount goes to the people who need a reason.',
        'App 推送提醒几乎没有成本。48 小时后仍未下单的用户才会收到优惠券，让折扣只给真正需要理由的人。',
      ),
      focus: ['remind', 'wait48', 'coupon', 'couponSms'],
      lookAt: [{ target: 'cost', text: t('Most of the cost is coupons, not messages.', '成本大头是优惠券，而不是消息。') }],
    },
    {
      title: t('What a bigger coupon buys', '更大的券能换来什么'),
      text: t(
        'Coupons cost only when they are redeemed, but every redemption by someone who would have bought anyway is lost margin. Read the cost per conversion, not only the conversion rate.',
        '优惠券只有被核销时才产生成本，但本来就会购买的人用了券，就是损失的利润。不要只看转化率，也要看每次转化的成本。',
      ),
      focus: ['coupon'],
      lookAt: [
        { target: 'cac', text: t('Cost per conversion before and after the change.', '修改前后每次转化的成本。') },
        { target: 'incrementalRoi', text: t('Does the extra revenue pay for the extra discount? Incremental ROI counts only what the journey added.', '多出来的收入能否覆盖多给的折扣？增量 ROI 只计旅程额外带来的部分。') },
      ],
      tryThis: {
        text: t('Raise the coupon from 20 to 40 yuan off 199 and compare conversion and CAC.', '把优惠券从满 199 减 20 提高到减 40，比较转化率和获客成本。'),
        edits: [{ type: 'setParam', node: 'coupon', param: 'value', value: 40 }],
      },
    },
    {
      title: t('Know when to stop', '知道何时停手'),
      text: t(
        'Users who ignore both the reminder and the coupon leave the journey. Touching them again and again would cost money and goodwill for very little return.',
        '对提醒和优惠券都无动于衷的用户会退出旅程。反复触达他们只会花掉预算、消磨好感，回报却微乎其微。',
      ),
      focus: ['wait72', 'giveUp'],
      lookAt: [{ target: 'unsubscribes', text: t('Every touch carries a small chance of an unsubscribe.', '每一次触达都有一点退订的风险。') }],
    },
  ],
};
