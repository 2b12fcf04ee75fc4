import { consumerTiming, shoppingCalendar2027, purchaseDynamicsSource, ageBandName, ageBands, consumerResponse, defineCohortPreset, deviceName, devices, eventRates, gammaForMean, genderName, memberTierName, regionDeclaration, scaleResponses, weeksToDays } from './common';

// Gamma-gamma shapes of the CDNOW fit (Fader, Hardie & Lee 2005, "RFM and CLV"): p = 6.25, q = 3.74,
// gamma = 15.44 US dollars (mean order ≈ $35). The shapes are kept and gamma is rescaled to a yuan mean.
const P = 6.25;
const Q = 3.74;

/**
 * E-commerce (电商): a marketplace or brand store's registered users in four lifecycle segments —
 * new users, active repeat buyers, lapsed / at-risk buyers and VIPs.
 *
 * Reasoning and sources (indicative assumptions for teaching and what-if planning, not measurements):
 * - Purchases follow BG/NBD. New users take the CDNOW fit of Fader, Hardie & Lee (2005), "Counting
 *   your customers the easy way: an alternative to the Pareto/NBD model", Marketing Science 24(2):
 *   r = 0.243, alpha = 4.414 weeks (= 30.9 days), a = 0.793, b = 2.426 — that cohort was itself a set
 *   of first-time buyers, about 2.9 purchases a year while active and a 25 % chance of dropping out
 *   after each purchase. Repeat buyers are set to about one order a month (r / alpha ≈ 0.033 a day)
 *   with a 10 % drop-out chance; lapsed buyers to about one a year with 40 %; VIPs to about two a month
 *   with 5 %.
 * - Order values follow gamma-gamma with the CDNOW shapes (Fader, Hardie & Lee 2005, "RFM and CLV:
 *   using iso-value curves for customer base analysis", Journal of Marketing Research 42(4)), rescaled
 *   to mean orders of ¥120 (new), ¥160 (repeat), ¥110 (lapsed) and ¥350 (VIP) — assumed, in the range
 *   of typical Chinese marketplace baskets.
 * - Reach: most users gave a phone number (SMS); app push needs the app and notifications on; few
 *   follow the official account or have added a WeCom adviser, except VIPs whom stores court 1:1.
 * - Responses: the consumer baselines in common.ts (SMS clicked by 1–3 %, push tapped by 3–8 %,
 *   official-account articles opened by 2–5 %…) scaled by engagement: repeat buyers ×1.3, VIPs ×1.5,
 *   lapsed ×0.6 (and twice as quick to unsubscribe).
 * - Lifts: a click multiplies the purchase rate for a week (×2–4, more where the base rate is low); a
 *   coupon the user knows by 1 + elasticity × its share of their expected order, elasticity 1 (VIP) to
 *   6 (lapsed, price-sensitive) — a coupon worth a fifth of the basket lifts by ×1.2 to ×2.2, around
 *   the mean price elasticity of 2.6 in Bijmolt, van Heerde & Pieters' (2005) meta-analysis. Fatigue
 *   0.75–0.93 per recent touch.
 * - Events a day (assumed): visits from a few app sessions a week (0.3–0.5) to one a
 *   fortnight (lapsed, 0.05); add-to-cart (0.02–0.1), favourites and deep visits follow engagement;
 *   coupon-page views are highest among price-sensitive new users; cancellations are about a tenth of
 *   orders; churn warnings 0.002–0.003, 0.01 for lapsed buyers; registrations only among new users
 *   (who stand in for the stream of sign-ups); tier-points crossings 0.0005–0.004.
 */
export const ecommercePreset = defineCohortPreset({
  industry: 'ecommerce',
  sources: [
    purchaseDynamicsSource,
    'Send-hour and weekday patterns and the 2027 shopping calendar (618, Double 11, Spring Festival): illustrative, not measured.',
    'Fader, Hardie & Lee (2005). "Counting Your Customers" the Easy Way: An Alternative to the Pareto/NBD Model. Marketing Science 24(2), 275–284 — BG/NBD fit on CDNOW: r = 0.243, α = 4.414 weeks, a = 0.793, b = 2.426.',
    'Fader, Hardie & Lee (2005). RFM and CLV: Using Iso-Value Curves for Customer Base Analysis. Journal of Marketing Research 42(4), 415–430 — gamma-gamma fit on CDNOW: p = 6.25, q = 3.74, γ = 15.44 (USD).',
    'Channel response rates: ranges commonly quoted in Chinese industry commentary (SMS click 1–3 %, app push open 3–8 %, WeChat official-account open 2–5 %); indicative assumptions, not measurements.',
    'Segment shares, order values, reach and lifts: stated assumptions for teaching; replace them with your own data.',
  ],
  spec: {
    schemaVersion: 6,
    id: 'ecommerce',
    name: { en: 'E-commerce shoppers', 'zh-CN': '电商用户' },
    description: {
      en: 'Registered users of an online store: new users, active repeat buyers, lapsed or at-risk buyers and VIPs. Purchase rates from the CDNOW BG/NBD fit; indicative numbers, not measurements.',
      'zh-CN': '线上商城的注册用户：新用户、活跃复购用户、沉睡/流失风险用户和 VIP。购买频率参考 CDNOW 的 BG/NBD 拟合结果；数字仅为示意性假设，并非实测。',
    },
    size: 20_000,
    timing: consumerTiming,
    calendar: shoppingCalendar2027,
    attributes: {
      region: regionDeclaration,
      age_band: { name: ageBandName, values: ageBands, shares: { '18-24': 18, '25-34': 34, '35-44': 26, '45-54': 14, '55+': 8 } },
      gender: { name: genderName, values: ['female', 'male'], shares: { female: 56, male: 44 } },
      member_tier: { name: memberTierName, values: ['none', 'silver', 'gold', 'platinum'] },
      device: { name: deviceName, values: devices, shares: { android: 58, ios: 26, harmonyos: 12, pc: 4 } },
      points: { name: { en: 'Loyalty points', 'zh-CN': '积分' }, numeric: { min: 0, max: 20_000, integer: true } },
      order_count: { name: { en: 'Orders so far', 'zh-CN': '累计订单数' }, numeric: { min: 0, max: 200, integer: true } },
      coupon_order_share: { name: { en: 'Share of orders with a coupon', 'zh-CN': '用券订单占比' }, numeric: { min: 0, max: 1 } },
    },
    tags: ['price_sensitive', 'complained', 'has_cart_items', 'favourited', 'first_order_done'],
    segments: [
      {
        id: 'new_users',
        name: { en: 'New users', 'zh-CN': '新用户' },
        description: { en: 'Registered in the last 30 days; most have not ordered yet.', 'zh-CN': '近 30 天注册，大多尚未下单。' },
        share: 25,
        attributes: {
          member_tier: { none: 85, silver: 15 },
          age_band: { '18-24': 26, '25-34': 38, '35-44': 22, '45-54': 10, '55+': 4 },
        },
        numeric: { points: { mean: 100, sd: 150 }, order_count: { mean: 0.4, sd: 0.7 }, coupon_order_share: { mean: 0.5, sd: 0.3 } },
        rfm: { recency: [5, 10, 15, 30, 40], frequency: [60, 25, 10, 4, 1], monetary: [35, 30, 20, 10, 5] },
        tags: { price_sensitive: 0.35, complained: 0.02, has_cart_items: 0.3, favourited: 0.4, first_order_done: 0.35 },
        reach: { sms: 0.85, push: 0.45, email: 0.15, wechat_oa: 0.25, wecom: 0.1, in_app: 0.7, community: 0.05, call: 0.3 },
        behaviour: {
          events: eventRates({ register: 0.02, visit: 0.3, deep_visit: 0.03, favourite: 0.04, add_to_cart: 0.05, coupon_page_view: 0.04, cancel_order: 0.002, churn_risk: 0.003, tier_points: 0.001 }),
          purchase: { r: 0.243, alpha: weeksToDays(4.414), a: 0.793, b: 2.426 },
          orderValue: { p: P, q: Q, gamma: gammaForMean(120, P, Q) },
          response: scaleResponses(consumerResponse, 1),
          fatigue: 0.85,
          clickLift: 3,
          priceElasticity: 4,
          responseWindowDays: 7,
          pullForward: 0.3,
          reactivation: 0.1,
          unsubscribePressure: 0.3,
        },
      },
      {
        id: 'active_repeat',
        name: { en: 'Active repeat buyers', 'zh-CN': '活跃复购用户' },
        description: { en: 'Ordered more than once, the last time within 60 days.', 'zh-CN': '多次下单，最近一次在 60 天内。' },
        share: 35,
        attributes: { member_tier: { none: 20, silver: 50, gold: 25, platinum: 5 } },
        numeric: { points: { mean: 1500, sd: 900 }, order_count: { mean: 8, sd: 5 }, coupon_order_share: { mean: 0.3, sd: 0.2 } },
        rfm: { recency: [3, 7, 20, 30, 40], frequency: [5, 15, 30, 30, 20], monetary: [10, 20, 30, 25, 15] },
        tags: { price_sensitive: 0.25, complained: 0.04, has_cart_items: 0.45, favourited: 0.6, first_order_done: 1 },
        reach: { sms: 0.85, push: 0.6, email: 0.2, wechat_oa: 0.35, wecom: 0.2, in_app: 0.85, community: 0.12, call: 0.3 },
        behaviour: {
          events: eventRates({ visit: 0.4, deep_visit: 0.05, favourite: 0.05, add_to_cart: 0.08, coupon_page_view: 0.03, cancel_order: 0.004, churn_risk: 0.002, tier_points: 0.004 }),
          purchase: { r: 1.2, alpha: 36, a: 0.5, b: 4.5 },
          orderValue: { p: P, q: Q, gamma: gammaForMean(160, P, Q) },
          response: scaleResponses(consumerResponse, 1.3),
          fatigue: 0.9,
          clickLift: 2.5,
          priceElasticity: 2.5,
          responseWindowDays: 7,
          pullForward: 0.35,
          reactivation: 0.1,
          unsubscribePressure: 0.3,
        },
      },
      {
        id: 'lapsed',
        name: { en: 'Lapsed / at-risk buyers', 'zh-CN': '沉睡/流失风险用户' },
        description: { en: 'Bought before, nothing in the last 90 days.', 'zh-CN': '曾经购买，近 90 天没有下单。' },
        share: 30,
        attributes: { member_tier: { none: 40, silver: 40, gold: 17, platinum: 3 } },
        numeric: { points: { mean: 600, sd: 500 }, order_count: { mean: 3, sd: 2.5 }, coupon_order_share: { mean: 0.55, sd: 0.25 } },
        rfm: { recency: [45, 30, 15, 7, 3], frequency: [30, 30, 22, 13, 5], monetary: [20, 25, 25, 20, 10] },
        tags: { price_sensitive: 0.5, complained: 0.1, has_cart_items: 0.15, favourited: 0.3, first_order_done: 1 },
        reach: { sms: 0.8, push: 0.2, email: 0.15, wechat_oa: 0.2, wecom: 0.08, in_app: 0.15, community: 0.03, call: 0.3 },
        behaviour: {
          events: eventRates({ visit: 0.05, deep_visit: 0.01, favourite: 0.01, add_to_cart: 0.02, coupon_page_view: 0.02, cancel_order: 0.001, churn_risk: 0.01, tier_points: 0.0005 }),
          purchase: { r: 0.2, alpha: 60, a: 1.2, b: 1.8 },
          orderValue: { p: P, q: Q, gamma: gammaForMean(110, P, Q) },
          response: scaleResponses(consumerResponse, 0.6, 2),
          fatigue: 0.75,
          clickLift: 4,
          priceElasticity: 6,
          responseWindowDays: 7,
          pullForward: 0.25,
          reactivation: 0.15,
          unsubscribePressure: 0.5,
        },
      },
      {
        id: 'vip',
        name: { en: 'VIP', 'zh-CN': '高价值 VIP' },
        description: { en: 'Top spenders: gold and platinum members who order several times a month.', 'zh-CN': '高消费用户：每月多次下单的金卡和白金会员。' },
        share: 10,
        attributes: {
          member_tier: { gold: 45, platinum: 55 },
          age_band: { '18-24': 8, '25-34': 38, '35-44': 34, '45-54': 14, '55+': 6 },
        },
        numeric: { points: { mean: 6000, sd: 3000 }, order_count: { mean: 30, sd: 15 }, coupon_order_share: { mean: 0.15, sd: 0.12 } },
        rfm: { recency: [2, 5, 13, 30, 50], frequency: [1, 4, 15, 30, 50], monetary: [1, 2, 7, 25, 65] },
        tags: { price_sensitive: 0.1, complained: 0.05, has_cart_items: 0.55, favourited: 0.75, first_order_done: 1 },
        reach: { sms: 0.9, push: 0.7, email: 0.3, wechat_oa: 0.45, wecom: 0.6, in_app: 0.9, community: 0.3, call: 0.5 },
        behaviour: {
          events: eventRates({ visit: 0.5, deep_visit: 0.08, favourite: 0.06, add_to_cart: 0.1, coupon_page_view: 0.02, cancel_order: 0.005, churn_risk: 0.002, tier_points: 0.002 }),
          purchase: { r: 2, alpha: 30, a: 0.3, b: 6 },
          orderValue: { p: P, q: Q, gamma: gammaForMean(350, P, Q) },
          response: scaleResponses(consumerResponse, 1.5),
          fatigue: 0.93,
          clickLift: 2,
          priceElasticity: 1,
          responseWindowDays: 7,
          pullForward: 0.4,
          reactivation: 0.2,
          unsubscribePressure: 0.2,
        },
      },
    ],
  },
});
