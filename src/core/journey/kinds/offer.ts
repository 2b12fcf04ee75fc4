import { z } from 'zod';
import { defineNodeKind } from './defineKind';
import { localized } from '../../i18n';
import { durationSchema, parseDuration, describeDuration } from '../duration';
import { defineEffect } from '../../compile/runtime';

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
      {
        type: 'grantOffer',
        params: {
          node: node.id,
          value: node.params.value,
          minSpend: node.params.minSpend,
          validityMs: parseDuration(node.params.validity) ?? 0,
        },
      },
    ],
    always: [{ target: context.target('next') }],
  }),
  implementations: {
    effects: {
      grantOffer: defineEffect<{ node: string; value: number; minSpend: number; validityMs: number }>((context, p) =>
        context.env.emit({ type: 'offer', ...p }),
      ),
    },
  },
});
