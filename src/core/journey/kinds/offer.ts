import { z } from 'zod';
import { defineNodeKind } from './defineKind';
import { localized } from '../../i18n';
import { durationSchema, parseDuration, describeDuration } from '../duration';
import { grantOffer } from '../../compile/operations';

const params = z.strictObject({
  offer: z.enum(['coupon', 'points', 'right']).default('coupon').meta({ description: 'A coupon, bonus points or a member right.' }),
  value: z.number().min(0).default(20).meta({ description: 'What the offer is worth to the user, in the journey’s currency.' }),
  minSpend: z.number().min(0).default(0).meta({ description: 'Smallest order the offer can be used on (0 means every order qualifies).' }),
  validity: durationSchema.default('P7D').meta({ description: 'How long the offer can be used after it is given.' }),
});

export const offerKind = defineNodeKind({
  kind: 'offer',
  group: 'touches',
  icon: '🎟',
  name: localized('Offer', '优惠/权益'),
  description: localized(
    'Gives the user a coupon, points or a right. It lifts their chance to buy while it is valid, and costs its value only when redeemed on an order above the minimum spend.',
    '给用户发放优惠券、积分或权益。在有效期内提高购买意愿，只有在订单满足最低消费并核销时才产生成本。',
  ),
  params,
  fields: [
    {
      key: 'offer',
      label: localized('Type', '类型'),
      help: localized(
        'A coupon takes money off an order; points add up towards rewards; a right is a member privilege such as free shipping or priority service. Price-sensitive users respond best to coupons.',
        '优惠券直接抵扣订单金额；积分累积后兑换奖励；权益是会员特权，如包邮、优先服务。价格敏感的用户对优惠券反应最强。',
      ),
      control: 'select',
      options: [
        { value: 'coupon', label: localized('Coupon', '优惠券') },
        { value: 'points', label: localized('Points', '积分') },
        { value: 'right', label: localized('Member right', '会员权益') },
      ],
    },
    {
      key: 'value',
      label: localized('Value', '价值'),
      help: localized(
        'What the offer is worth to the user. It is only paid when redeemed, but a bigger value raises response and cost together.',
        '优惠对用户的价值。只有核销时才产生成本，但面额越大，响应率和成本会一起上升。',
      ),
      unit: 'currency',
      control: 'number',
      min: 0,
    },
    {
      key: 'minSpend',
      label: localized('Minimum spend', '最低消费'),
      help: localized(
        'Smallest order the offer can be used on; 0 means any order. A threshold a little above the usual basket nudges users to buy more and keeps every redemption profitable.',
        '可使用优惠的最低订单金额；0 表示任意订单可用。门槛略高于平时的客单价，能促使用户多买一点（满减），也让每次核销都不亏本。',
      ),
      unit: 'currency',
      control: 'number',
      min: 0,
    },
    {
      key: 'validity',
      label: localized('Valid for', '有效期'),
      help: localized(
        'How long the offer can be used after it is given. A short validity creates urgency; too short and users miss it.',
        '发放后多长时间内可以使用。有效期短能制造紧迫感，太短则用户来不及使用。',
      ),
      control: 'duration',
    },
  ],
  ports: () => [{ id: 'next', label: localized('next', '下一步') }],
  summary(p, lang) {
    const kind = { coupon: ['Coupon', '优惠券'], points: ['Points', '积分'], right: ['Right', '权益'] }[p.offer][lang === 'en' ? 0 : 1];
    const spend = p.minSpend > 0 ? (lang === 'en' ? ` over ${p.minSpend}` : `满${p.minSpend}`) : '';
    const days = describeDuration(parseDuration(p.validity) ?? 0, lang);
    return lang === 'en' ? `${kind} ${p.value}${spend}, ${days}` : `${kind}${spend}减${p.value}，${days}有效`;
  },
  treatment: true,
  problems: {
    'offer-exceeds-min-spend': {
      severity: 'warning',
      title: localized('Coupon worth at least its minimum spend', '优惠金额不低于最低消费'),
      fix: localized(
        'Raise the minimum spend above the offer’s value, or lower the value: as it stands every redemption loses money.',
        '把最低消费调到高于优惠金额，或降低优惠金额：否则每次核销都在亏钱。',
      ),
    },
  },
  validate(node, context) {
    const { value, minSpend, offer } = node.params;
    if (offer === 'coupon' && minSpend > 0 && value >= minSpend)
      context.report(
        'offer-exceeds-min-spend',
        localized(
          `Coupon value ${value} is not below its minimum spend ${minSpend}.`,
          `优惠券金额 ${value} 不低于最低消费 ${minSpend}。`,
        ),
        ['value'],
      );
  },
  compile: (node, context) => ({
    entry: [
      ...context.enter,
      grantOffer.ref({
        node: node.id,
        value: node.params.value,
        minSpend: node.params.minSpend,
        validityMs: parseDuration(node.params.validity) ?? 0,
      }),
    ],
    always: [context.go('next')],
  }),
  grants: (p) => ({ offer: p.offer, value: p.value, minSpend: p.minSpend }),
  // The offer tells the story.
  story: { enter: () => null },
});
