import { consumerTiming, purchaseDynamicsSource, ageBandName, ageBands, consumerResponse, defineCohortPreset, deviceName, devices, eventRates, gammaForMean, genderName, regionDeclaration, scaleResponses } from './common';

// The bank's income per sale varies widely between customers: gamma-gamma with p = 2.5, q = 3.
const P = 2.5;
const Q = 3;

/**
 * Bank customers trust the bank's own channels (statements arrive by SMS, e-mail and the official
 * account) but are warned not to click links in marketing SMS; relationship managers (客户经理) work
 * through WeCom and the telephone.
 */
const bankResponse = {
  ...consumerResponse,
  sms: { open: 0.65, click: 0.02, unsubscribe: 0.002 },
  push: { open: 0.04, click: 0.25, unsubscribe: 0.002 },
  email: { open: 0.15, click: 0.06, unsubscribe: 0.002 },
  wechat_oa: { open: 0.03, click: 0.08, unsubscribe: 0.002 },
  wecom: { open: 0.6, click: 0.15, unsubscribe: 0.003 },
  community: { open: 0.15, click: 0.04, unsubscribe: 0.005 },
  call: { open: 0.3, click: 0.08, unsubscribe: 0.03 },
};

/**
 * Banking (银行零售): a retail bank's personal customers — mass retail, affluent (wealth) customers,
 * dormant accounts and young starters.
 *
 * A "purchase" is a product sale (a wealth or fund product, insurance, an instalment plan, a loan, a
 * card upgrade) and its order value is the bank's income from it — fees and margin — not the amount
 * invested. Reasoning and sources (indicative assumptions, not measurements):
 * - Tiers follow the AUM bands banks use: affluent customers hold ¥500,000 or more (China Merchants
 *   Bank's Sunflower 金葵花 threshold) and private-bank clients ¥6 million of financial assets or more
 *   (the threshold in the regulator's 2018 rules on commercial banks' wealth management business).
 * - Purchases: BG/NBD with time in days; mass-retail customers buy about one product a year
 *   (r / alpha × 365 ≈ 0.9), affluent ones about five with a 6 % drop-out chance per sale, dormant
 *   accounts almost never (0.2 a year, half drop out). Income per sale: gamma-gamma with mean ¥300 (mass
 *   retail), ¥2,000 (affluent), ¥150 (dormant), ¥200 (young starters).
 * - Reach: most customers get SMS and follow the bank's official account for card notices; the app
 *   reaches about half (more among the young); WeCom mostly reaches affluent customers through their
 *   relationship managers; calls are common for wealth sales.
 * - Decisions take longer than a shopping basket: a click lifts sales for 14 days.
 * - Events a day (assumed): mobile-banking visits from every other day (young starters, 0.5) to
 *   hardly ever (dormant, 0.01); affluent customers consult their relationship manager most (0.02);
 *   card and loan applications (form_submit) 0.0005–0.006; a mass-retail or young customer flagged as a
 *   wealth prospect (mql) 0.001–0.002; AUM-outflow churn warnings 0.002–0.008, highest when dormant;
 *   young starters still register for online services (0.01).
 */
export const bankingPreset = defineCohortPreset({
  industry: 'banking',
  sources: [
    purchaseDynamicsSource,
    'Send-hour and weekday patterns: illustrative, not measured.',
    'China Merchants Bank, annual reports: Sunflower (金葵花) customers are those with ¥500,000 or more in assets — the affluent tier threshold.',
    'Measures for the Supervision and Administration of the Wealth Management Business of Commercial Banks (CBIRC, 2018): private-bank clients have financial net assets of ¥6 million or more — the top AUM band.',
    'Fader, Hardie & Lee (2005), Marketing Science 24(2) and Journal of Marketing Research 42(4) — the BG/NBD and gamma-gamma models; the parameters here are set by assumption for product sales.',
    'Channel response rates, segment shares, income per sale and lifts: indicative assumptions for teaching, not measurements; replace them with your own data.',
  ],
  spec: {
    schemaVersion: 6,
    id: 'banking',
    name: { en: 'Retail bank customers', 'zh-CN': '银行零售客户' },
    description: {
      en: 'A retail bank’s personal customers: mass retail, affluent, dormant and young starters. A purchase is a product sale and its value the bank’s income from it. Indicative numbers, not measurements.',
      'zh-CN': '零售银行的个人客户：大众客户、财富客户、睡眠户和年轻新客。购买指一次产品销售，金额为银行从中获得的收入。数字仅为示意性假设，并非实测。',
    },
    size: 20_000,
    timing: consumerTiming,
    attributes: {
      region: regionDeclaration,
      age_band: { name: ageBandName, values: ageBands, shares: { '18-24': 8, '25-34': 27, '35-44': 27, '45-54': 22, '55+': 16 } },
      gender: { name: genderName, values: ['female', 'male'], shares: { female: 50, male: 50 } },
      member_tier: { name: { en: 'Card tier', 'zh-CN': '客户等级' }, values: ['standard', 'gold', 'platinum', 'diamond'] },
      device: { name: deviceName, values: devices, shares: { android: 60, ios: 27, harmonyos: 11, pc: 2 } },
      aum_band: { name: { en: 'Assets under management', 'zh-CN': '资产规模 (AUM)' }, values: ['under_50k', '50k_500k', '500k_6m', 'over_6m'] },
      products_held: { name: { en: 'Products held', 'zh-CN': '持有产品数' }, numeric: { min: 0, max: 12, integer: true } },
    },
    tags: ['has_credit_card', 'has_wealth_product', 'payroll_account', 'mortgage', 'rate_sensitive'],
    segments: [
      {
        id: 'mass_retail',
        name: { en: 'Mass retail', 'zh-CN': '大众客户' },
        description: { en: 'Everyday banking customers with modest balances.', 'zh-CN': '资产规模不大的日常银行客户。' },
        share: 55,
        attributes: {
          member_tier: { standard: 75, gold: 22, platinum: 3 },
          aum_band: { under_50k: 80, '50k_500k': 19, '500k_6m': 1 },
        },
        numeric: { products_held: { mean: 2, sd: 1 } },
        rfm: { recency: [15, 20, 25, 25, 15], frequency: [25, 30, 25, 15, 5], monetary: [30, 30, 25, 10, 5] },
        tags: { has_credit_card: 0.45, has_wealth_product: 0.12, payroll_account: 0.35, mortgage: 0.12, rate_sensitive: 0.45 },
        reach: { sms: 0.85, push: 0.45, email: 0.2, wechat_oa: 0.45, wecom: 0.08, in_app: 0.5, community: 0.02, call: 0.6 },
        behaviour: {
          events: eventRates({ visit: 0.3, consult: 0.005, form_submit: 0.003, mql: 0.002, churn_risk: 0.003 }),
          purchase: { r: 0.3, alpha: 120, a: 0.7, b: 3 },
          orderValue: { p: P, q: Q, gamma: gammaForMean(300, P, Q) },
          response: scaleResponses(bankResponse, 1),
          fatigue: 0.85,
          clickLift: 2.5,
          priceElasticity: 2.5,
          responseWindowDays: 14,
          pullForward: 0.2,
          reactivation: 0.05,
          unsubscribePressure: 0.4,
        },
      },
      {
        id: 'affluent',
        name: { en: 'Affluent (wealth) customers', 'zh-CN': '财富客户' },
        description: { en: 'Assets of ¥500,000 or more, served by a relationship manager.', 'zh-CN': '资产 50 万元及以上，有专属客户经理。' },
        share: 15,
        attributes: {
          member_tier: { gold: 20, platinum: 55, diamond: 25 },
          aum_band: { '50k_500k': 15, '500k_6m': 75, over_6m: 10 },
          age_band: { '18-24': 1, '25-34': 15, '35-44': 30, '45-54': 30, '55+': 24 },
        },
        numeric: { products_held: { mean: 5, sd: 1.5 } },
        rfm: { recency: [5, 10, 20, 30, 35], frequency: [5, 10, 25, 30, 30], monetary: [1, 3, 11, 30, 55] },
        tags: { has_credit_card: 0.75, has_wealth_product: 0.85, payroll_account: 0.5, mortgage: 0.3, rate_sensitive: 0.35 },
        reach: { sms: 0.9, push: 0.6, email: 0.45, wechat_oa: 0.5, wecom: 0.65, in_app: 0.6, community: 0.05, call: 0.85 },
        behaviour: {
          events: eventRates({ visit: 0.4, consult: 0.02, form_submit: 0.004, churn_risk: 0.002 }),
          purchase: { r: 1.2, alpha: 90, a: 0.3, b: 5 },
          orderValue: { p: P, q: Q, gamma: gammaForMean(2000, P, Q) },
          response: scaleResponses(bankResponse, 1.3),
          fatigue: 0.9,
          clickLift: 2,
          priceElasticity: 1.5,
          responseWindowDays: 14,
          pullForward: 0.2,
          reactivation: 0.1,
          unsubscribePressure: 0.3,
        },
      },
      {
        id: 'dormant',
        name: { en: 'Dormant accounts', 'zh-CN': '睡眠户' },
        description: { en: 'No customer-initiated transaction for a year or more.', 'zh-CN': '一年以上没有主动交易。' },
        share: 20,
        attributes: {
          member_tier: { standard: 90, gold: 9, platinum: 1 },
          aum_band: { under_50k: 95, '50k_500k': 5 },
        },
        numeric: { products_held: { mean: 1, sd: 0.7 } },
        rfm: { recency: [55, 25, 12, 5, 3], frequency: [50, 30, 12, 6, 2], monetary: [50, 25, 15, 7, 3] },
        tags: { has_credit_card: 0.2, has_wealth_product: 0.03, payroll_account: 0.05, mortgage: 0.05, rate_sensitive: 0.5 },
        reach: { sms: 0.75, push: 0.1, email: 0.1, wechat_oa: 0.2, wecom: 0.02, in_app: 0.1, community: 0.01, call: 0.45 },
        behaviour: {
          events: eventRates({ visit: 0.01, consult: 0.001, form_submit: 0.0005, churn_risk: 0.008 }),
          purchase: { r: 0.1, alpha: 200, a: 1.5, b: 1.5 },
          orderValue: { p: P, q: Q, gamma: gammaForMean(150, P, Q) },
          response: scaleResponses(bankResponse, 0.6, 2),
          fatigue: 0.7,
          clickLift: 3,
          priceElasticity: 7.5,
          responseWindowDays: 14,
          pullForward: 0.1,
          reactivation: 0.08,
          unsubscribePressure: 0.6,
        },
      },
      {
        id: 'young_starters',
        name: { en: 'Young starters', 'zh-CN': '年轻新客' },
        description: { en: 'Under 35, recently opened an account or a first credit card; app-first.', 'zh-CN': '35 岁以下，近期开户或办理首张信用卡；以手机银行为主。' },
        share: 10,
        attributes: {
          age_band: { '18-24': 55, '25-34': 45 },
          member_tier: { standard: 90, gold: 10 },
          aum_band: { under_50k: 92, '50k_500k': 8 },
        },
        numeric: { products_held: { mean: 1.5, sd: 0.8 } },
        rfm: { recency: [5, 10, 20, 30, 35], frequency: [35, 30, 20, 10, 5], monetary: [45, 30, 15, 7, 3] },
        tags: { has_credit_card: 0.55, has_wealth_product: 0.1, payroll_account: 0.4, mortgage: 0.02, rate_sensitive: 0.55 },
        reach: { sms: 0.85, push: 0.7, email: 0.15, wechat_oa: 0.4, wecom: 0.05, in_app: 0.75, community: 0.03, call: 0.35 },
        behaviour: {
          events: eventRates({ register: 0.01, visit: 0.5, consult: 0.005, form_submit: 0.006, mql: 0.001, churn_risk: 0.004 }),
          purchase: { r: 0.5, alpha: 90, a: 0.8, b: 2.5 },
          orderValue: { p: P, q: Q, gamma: gammaForMean(200, P, Q) },
          response: scaleResponses(bankResponse, 1.1),
          fatigue: 0.8,
          clickLift: 2.5,
          priceElasticity: 4,
          responseWindowDays: 14,
          pullForward: 0.2,
          reactivation: 0.08,
          unsubscribePressure: 0.4,
        },
      },
    ],
  },
});
