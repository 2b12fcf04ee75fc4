import { consumerTiming, purchaseDynamicsSource, ageBandName, ageBands, consumerResponse, defineCohortPreset, deviceName, devices, eventRates, gammaForMean, genderName, regionDeclaration, scaleResponses } from './common';

// Meal orders are similar in size for one user (lunch for one, dinner for two): gamma-gamma with p = 6,
// q = 4 (assumed).
const P = 6;
const Q = 4;

/**
 * A rainy day at the user's location, as the weather feed reports it: about 110 days a year (0.3 a
 * day), between drier northern and wetter southern cities; the same in every segment, since the
 * weather does not pick users.
 */
const RAIN_PER_DAY = 0.3;

/**
 * Illustrative meal-time pattern (not measured): app push and in-app pop-ups are opened most just
 * before lunch (10:00–12:00) and dinner (16:00–18:00), when users decide what to eat, and little at
 * night. SMS and official-account articles keep the consumer pattern.
 */
const mealHours = [0.3, 0.2, 0.2, 0.2, 0.2, 0.3, 0.5, 0.7, 0.8, 0.9, 1.4, 1.8, 1.5, 0.9, 0.7, 0.7, 1.1, 1.5, 1.4, 1.1, 1, 1, 0.8, 0.5];
const foodTiming = {
  ...consumerTiming,
  openByHour: { ...consumerTiming.openByHour, push: mealHours, in_app: mealHours },
};

/**
 * Food delivery (外卖): the app users of a food-delivery platform — office-lunch regulars, evening and
 * weekend orderers, occasional users and lapsed users.
 *
 * A "purchase" is one delivered order and its value what the order costs before the platform's
 * coupons. Reasoning and sources (indicative assumptions, not measurements):
 * - Audience: CNNIC's Statistical Report on Internet Development in China (2024) counts about 545
 *   million online food-delivery users, about half of China's internet users; the app-first device mix
 *   follows.
 * - Order values: Meituan's annual reports (2019–2021) give food-delivery gross transaction volume and
 *   the number of transactions, about ¥45–50 an order; a lunch for one is less. Means here: ¥30
 *   (lunch regulars), ¥45 (evening and weekend, often for two), ¥38 (occasional), ¥35 (lapsed) —
 *   assumed. The template's "8 off 30" coupon is a fifth to a quarter of a lunch.
 * - Purchases: BG/NBD with time in days. Lunch regulars order about four times a week (r / alpha ≈ 0.57
 *   a day) and rarely stop (1 % per order); evening and weekend orderers about 1.5 a week (3 %);
 *   occasional users about twice a month (8 %); lapsed users about once in two months, a third stopping
 *   after any order — all assumed.
 * - Rain (`weather_rain`): the China Meteorological Administration's 1991–2020 climate normals give
 *   roughly 70 rain days a year in Beijing and 120–150 in Shanghai, Guangzhou or Chengdu; 0.3 a day
 *   (about 110 days) is an illustrative middle — set your own city's figure.
 * - Tags: `lunch_orderer` (orders weekday lunches regularly; what the rainy-day template enters on) is
 *   carried by 90 % of lunch regulars and 10–15 % of the rest (assumed).
 * - Reach: every account has a phone number (SMS 0.9); push needs the app and notifications on
 *   (0.2–0.65); an in-app pop-up reaches users who open the app; official accounts, WeCom and
 *   merchants' community groups reach few; platforms hardly call.
 * - Responses: the consumer baselines in common.ts scaled by engagement (×1.3 regulars, ×0.6 lapsed,
 *   who unsubscribe twice as readily), opened most at meal times (the timing above). Buying is
 *   coupon-driven and same-day: a click lifts ordering ×2–4 for two days; an ¥8 coupon lifts a
 *   regular's lunch ordering about ×1.8 (elasticity 3) and a lapsed user's about ×2.4 (elasticity 6).
 * - Events a day (assumed): app `visit`s from about four days a week (regulars, 0.6) to once a month
 *   (lapsed, 0.03); `add_to_cart` and `favourite` (a restaurant) follow; `coupon_page_view` (the
 *   red-packet page) highest among price-sensitive users; `cancel_order` about 3 % of orders;
 *   `churn_risk` 0.001–0.01.
 */
export const foodDeliveryPreset = defineCohortPreset({
  industry: 'food',
  sources: [
    purchaseDynamicsSource,
    'Send-hour pattern with lunch and dinner peaks for push and in-app messages, and weekday patterns: illustrative, not measured.',
    'China Internet Network Information Center (CNNIC), Statistical Report on Internet Development in China (2024): about 545 million online food-delivery users, about half of internet users.',
    'Meituan, annual reports (2019–2021): food-delivery gross transaction volume ÷ transactions ≈ ¥45–50 an order — the upper end of the order values here.',
    'China Meteorological Administration, climate normals 1991–2020: roughly 70 rain days a year in Beijing, 120–150 in Shanghai, Guangzhou and Chengdu — weather_rain at 0.3 a day is an illustrative middle.',
    'Fader, Hardie & Lee (2005), Marketing Science 24(2) and Journal of Marketing Research 42(4) — the BG/NBD and gamma-gamma models; the parameters here are set by assumption for meal orders.',
    'Segment shares, order rates, reach, channel responses and lifts: indicative assumptions for teaching, not measurements; replace them with your own data.',
  ],
  spec: {
    schemaVersion: 6,
    id: 'food',
    name: { en: 'Food-delivery app users', 'zh-CN': '外卖平台用户' },
    description: {
      en: 'App users of a food-delivery platform: office-lunch regulars, evening and weekend orderers, occasional and lapsed users. A purchase is one delivered order. Indicative numbers, not measurements.',
      'zh-CN': '外卖平台的 App 用户：工作日午餐常客、晚餐与周末下单用户、偶尔下单用户和流失用户。购买指一笔外卖订单。数字仅为示意性假设，并非实测。',
    },
    size: 20_000,
    timing: foodTiming,
    attributes: {
      region: regionDeclaration,
      age_band: { name: ageBandName, values: ageBands, shares: { '18-24': 22, '25-34': 38, '35-44': 24, '45-54': 11, '55+': 5 } },
      gender: { name: genderName, values: ['female', 'male'], shares: { female: 52, male: 48 } },
      member_tier: { name: { en: 'Membership', 'zh-CN': '会员' }, values: ['none', 'paid_member'] },
      device: { name: deviceName, values: devices, shares: { android: 58, ios: 29, harmonyos: 12, pc: 1 } },
      location_type: { name: { en: 'Usual delivery address', 'zh-CN': '常用收货地址' }, values: ['office', 'home', 'campus'] },
      orders_30d: { name: { en: 'Orders in the last 30 days', 'zh-CN': '近 30 天订单数' }, numeric: { min: 0, max: 120, integer: true } },
    },
    tags: ['lunch_orderer', 'dinner_orderer', 'price_sensitive', 'complained', 'has_unused_coupon'],
    segments: [
      {
        id: 'lunch_regulars',
        name: { en: 'Office-lunch regulars', 'zh-CN': '工作日午餐常客' },
        description: { en: 'Order lunch to the office most workdays.', 'zh-CN': '大多数工作日点午餐送到公司。' },
        share: 30,
        attributes: {
          member_tier: { none: 45, paid_member: 55 },
          location_type: { office: 85, home: 10, campus: 5 },
          age_band: { '18-24': 18, '25-34': 48, '35-44': 25, '45-54': 7, '55+': 2 },
        },
        numeric: { orders_30d: { mean: 16, sd: 6 } },
        rfm: { recency: [2, 3, 10, 30, 55], frequency: [2, 5, 13, 35, 45], monetary: [5, 15, 30, 30, 20] },
        tags: { lunch_orderer: 0.9, dinner_orderer: 0.3, price_sensitive: 0.35, complained: 0.05, has_unused_coupon: 0.5 },
        reach: { sms: 0.9, push: 0.65, email: 0.03, wechat_oa: 0.2, wecom: 0.05, in_app: 0.95, community: 0.1, call: 0.05 },
        behaviour: {
          events: eventRates({ weather_rain: RAIN_PER_DAY, visit: 0.6, add_to_cart: 0.3, favourite: 0.03, coupon_page_view: 0.1, cancel_order: 0.015, churn_risk: 0.001 }),
          purchase: { r: 3, alpha: 5.25, a: 0.2, b: 19.8 },
          orderValue: { p: P, q: Q, gamma: gammaForMean(30, P, Q) },
          response: scaleResponses(consumerResponse, 1.3),
          fatigue: 0.85,
          clickLift: 2,
          priceElasticity: 3,
          responseWindowDays: 2,
          pullForward: 0.4,
          reactivation: 0.1,
          unsubscribePressure: 0.4,
        },
      },
      {
        id: 'evening_weekend',
        name: { en: 'Evening and weekend orderers', 'zh-CN': '晚餐与周末下单用户' },
        description: { en: 'Order dinner or weekend meals at home, often for two.', 'zh-CN': '在家点晚餐或周末餐，常为两人份。' },
        share: 30,
        attributes: {
          member_tier: { none: 60, paid_member: 40 },
          location_type: { office: 15, home: 80, campus: 5 },
        },
        numeric: { orders_30d: { mean: 6, sd: 3 } },
        rfm: { recency: [5, 10, 20, 35, 30], frequency: [5, 20, 35, 30, 10], monetary: [5, 15, 30, 30, 20] },
        tags: { lunch_orderer: 0.15, dinner_orderer: 0.8, price_sensitive: 0.4, complained: 0.05, has_unused_coupon: 0.45 },
        reach: { sms: 0.9, push: 0.55, email: 0.03, wechat_oa: 0.15, wecom: 0.05, in_app: 0.85, community: 0.08, call: 0.05 },
        behaviour: {
          events: eventRates({ weather_rain: RAIN_PER_DAY, visit: 0.35, add_to_cart: 0.12, favourite: 0.02, coupon_page_view: 0.06, cancel_order: 0.006, churn_risk: 0.002 }),
          purchase: { r: 1.5, alpha: 7, a: 0.3, b: 9.7 },
          orderValue: { p: P, q: Q, gamma: gammaForMean(45, P, Q) },
          response: scaleResponses(consumerResponse, 1.1),
          fatigue: 0.85,
          clickLift: 2.5,
          priceElasticity: 3,
          responseWindowDays: 2,
          pullForward: 0.35,
          reactivation: 0.1,
          unsubscribePressure: 0.4,
        },
      },
      {
        id: 'occasional',
        name: { en: 'Occasional users', 'zh-CN': '偶尔下单用户' },
        description: { en: 'Order a couple of times a month, mostly with a coupon.', 'zh-CN': '每月下单一两次，多在有券时。' },
        share: 25,
        attributes: {
          member_tier: { none: 85, paid_member: 15 },
          location_type: { office: 30, home: 55, campus: 15 },
        },
        numeric: { orders_30d: { mean: 2, sd: 1.5 } },
        rfm: { recency: [15, 20, 30, 25, 10], frequency: [30, 35, 25, 8, 2], monetary: [15, 25, 30, 20, 10] },
        tags: { lunch_orderer: 0.12, dinner_orderer: 0.3, price_sensitive: 0.6, complained: 0.06, has_unused_coupon: 0.35 },
        reach: { sms: 0.9, push: 0.35, email: 0.02, wechat_oa: 0.1, wecom: 0.03, in_app: 0.5, community: 0.05, call: 0.03 },
        behaviour: {
          events: eventRates({ weather_rain: RAIN_PER_DAY, visit: 0.12, add_to_cart: 0.04, favourite: 0.01, coupon_page_view: 0.05, cancel_order: 0.002, churn_risk: 0.004 }),
          purchase: { r: 0.8, alpha: 12, a: 0.4, b: 4.6 },
          orderValue: { p: P, q: Q, gamma: gammaForMean(38, P, Q) },
          response: scaleResponses(consumerResponse, 0.9),
          fatigue: 0.8,
          clickLift: 3,
          priceElasticity: 4,
          responseWindowDays: 2,
          pullForward: 0.25,
          reactivation: 0.1,
          unsubscribePressure: 0.5,
        },
      },
      {
        id: 'lapsed',
        name: { en: 'Lapsed users', 'zh-CN': '流失用户' },
        description: { en: 'No order in the last 30 days; some now use another platform.', 'zh-CN': '近 30 天未下单，部分已转用其他平台。' },
        share: 15,
        attributes: {
          member_tier: { none: 95, paid_member: 5 },
          location_type: { office: 30, home: 60, campus: 10 },
        },
        numeric: { orders_30d: { mean: 0.2, sd: 0.4 } },
        rfm: { recency: [55, 30, 10, 4, 1], frequency: [40, 30, 20, 8, 2], monetary: [20, 30, 25, 15, 10] },
        tags: { lunch_orderer: 0.1, dinner_orderer: 0.15, price_sensitive: 0.6, complained: 0.15, has_unused_coupon: 0.3 },
        reach: { sms: 0.85, push: 0.2, email: 0.02, wechat_oa: 0.08, wecom: 0.02, in_app: 0.15, community: 0.02, call: 0.02 },
        behaviour: {
          events: eventRates({ weather_rain: RAIN_PER_DAY, visit: 0.03, add_to_cart: 0.01, favourite: 0.003, coupon_page_view: 0.02, cancel_order: 0.0005, churn_risk: 0.01 }),
          purchase: { r: 0.3, alpha: 18, a: 1, b: 2 },
          orderValue: { p: P, q: Q, gamma: gammaForMean(35, P, Q) },
          response: scaleResponses(consumerResponse, 0.6, 2),
          fatigue: 0.75,
          clickLift: 4,
          priceElasticity: 6,
          responseWindowDays: 2,
          pullForward: 0.2,
          reactivation: 0.15,
          unsubscribePressure: 0.6,
        },
      },
    ],
  },
});
