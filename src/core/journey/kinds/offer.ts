import { z } from 'zod';
import { defineNodeKind } from './defineKind';
import { message } from '../../i18n';
import { durationSchema, parseDuration, describeDuration } from '../duration';
import { grantOffer } from '../../compile/operations';
import { announcementCode, announcements } from '../announcements';
import type { ProblemDefinition } from '../problems';

const params = z.strictObject({
  offer: z.enum(['coupon', 'points', 'right']).default('coupon').meta({ description: 'A coupon, bonus points or a member right.' }),
  value: z.number().min(0).default(20).meta({ description: 'What the offer is worth to the user, in the journey’s currency.' }),
  minSpend: z.number().min(0).default(0).meta({ description: 'Smallest order the offer can be used on (0 means every order qualifies).' }),
  validity: durationSchema.default('P7D').meta({ description: 'How long the offer can be used after it is given.' }),
  announcement: z
    .enum(announcements)
    .default('next-touch')
    .meta({
      description:
        'How the user learns of the offer, which it needs to lift their buying: next-touch (the next message they are sent carries it; they know it once they open that message), at-checkout (they notice it with checkoutChance when they buy or arrive from a clicked touch) or none (only an order that happens to meet the minimum spend uses it).',
    }),
  checkoutChance: z
    .number()
    .min(0)
    .max(1)
    .default(0.5)
    .meta({ description: 'With at-checkout: the chance the user notices the offer at each purchase or visit from a clicked touch while it is valid.' }),
});

export const offerProblems = {
  'offer-exceeds-min-spend': {
    severity: 'warning',
    title: message('core.journey.kinds.offer.couponWorthAtLeastIts'),
    fix: message('core.journey.kinds.offer.raiseTheMinimumSpendAbove'),
  },
  // Found over the whole graph, not by `validate` below: see offerCarriers.ts.
  'offer-never-announced': {
    severity: 'warning',
    title: message('core.journey.kinds.offer.neverAnnouncedTitle'),
    fix: message('core.journey.kinds.offer.neverAnnouncedFix'),
  },
} satisfies Record<string, ProblemDefinition>;

export const offerKind = defineNodeKind({
  kind: 'offer',
  group: 'touches',
  icon: 'ticket',
  name: message('core.journey.kinds.offer.offer'),
  description: message('core.journey.kinds.offer.givesTheUserACoupon'),
  params,
  fields: [
    {
      key: 'offer',
      label: message('core.journey.kinds.offer.type'),
      help: message('core.journey.kinds.offer.aCouponTakesMoneyOff'),
      control: 'select',
      options: [
        { value: 'coupon', label: message('core.journey.kinds.offer.coupon') },
        { value: 'points', label: message('core.journey.kinds.offer.points') },
        { value: 'right', label: message('core.journey.kinds.offer.memberRight') },
      ],
    },
    {
      key: 'value',
      label: message('core.journey.kinds.offer.value'),
      help: message('core.journey.kinds.offer.whatTheOfferIsWorth'),
      unit: 'currency',
      control: 'number',
      min: 0,
    },
    {
      key: 'minSpend',
      label: message('core.journey.kinds.offer.minimumSpend'),
      help: message('core.journey.kinds.offer.smallestOrderTheOfferCan'),
      unit: 'currency',
      control: 'number',
      min: 0,
    },
    {
      key: 'validity',
      label: message('core.journey.kinds.offer.validFor'),
      help: message('core.journey.kinds.offer.howLongTheOfferCan'),
      control: 'duration',
    },
    {
      key: 'announcement',
      label: message('core.journey.kinds.offer.announcement'),
      help: message('core.journey.kinds.offer.announcementHelp'),
      control: 'select',
      options: [
        { value: 'next-touch', label: message('core.journey.kinds.offer.announceNextTouch') },
        { value: 'at-checkout', label: message('core.journey.kinds.offer.announceAtCheckout') },
        { value: 'none', label: message('core.journey.kinds.offer.announceNone') },
      ],
    },
    {
      key: 'checkoutChance',
      label: message('core.journey.kinds.offer.checkoutChance'),
      help: message('core.journey.kinds.offer.checkoutChanceHelp'),
      control: 'number',
      min: 0,
      max: 1,
      step: 0.05,
      when: { key: 'announcement', in: ['at-checkout'] },
    },
  ],
  ports: () => [{ id: 'next', label: message('core.journey.kinds.offer.next') }],
  summary: (p) =>
    message('core.journey.kinds.offer.summary', {
      offer: p.offer,
      value: p.value,
      hasMinSpend: String(p.minSpend > 0),
      minSpend: p.minSpend,
      days: describeDuration(parseDuration(p.validity) ?? 0),
    }),
  treatment: true,
  problems: offerProblems,
  validate(node, context) {
    const { value, minSpend, offer } = node.params;
    if (offer === 'coupon' && minSpend > 0 && value >= minSpend)
      context.report(
        'offer-exceeds-min-spend',
        message('core.journey.kinds.offer.couponValueIsNotBelow', { value, minSpend }),
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
        announcement: announcementCode(node.params.announcement),
        checkoutChance: node.params.checkoutChance,
      }),
    ],
    always: [context.go('next')],
  }),
  grants: (p) => ({ offer: p.offer, value: p.value, minSpend: p.minSpend }),
  // The offer tells the story.
  story: { enter: () => null },
});
