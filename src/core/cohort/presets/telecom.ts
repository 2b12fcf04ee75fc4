import { consumerTiming, purchaseDynamicsSource, ageBandName, ageBands, consumerResponse, defineCohortPreset, deviceName, devices, eventRates, gammaForMean, genderName, regionDeclaration, scaleResponses } from './common';

// Gamma-gamma shapes assumed for add-on orders (fairly uniform amounts: p = 4, q = 3.5).
const P = 4;
const Q = 3.5;

/** Operators reach their own subscribers by SMS and outbound call far more readily than brands do. */
const operatorResponse = {
  ...consumerResponse,
  sms: { open: 0.7, click: 0.03, unsubscribe: 0.002 },
  push: { open: 0.04, click: 0.3, unsubscribe: 0.002 },
  call: { open: 0.3, click: 0.12, unsubscribe: 0.03 },
};

/**
 * Telecom (电信运营商): a mobile operator's subscribers — new subscribers, stable subscribers,
 * high-value 5G / converged-bundle subscribers and subscribers at risk of leaving (离网).
 *
 * A "purchase" here is an incremental paid order — a data pack, a plan upgrade, broadband, a handset —
 * not the monthly bill, which the journey does not drive. Reasoning and sources (indicative
 * assumptions, not measurements):
 * - Monthly spend (the `arpu` attribute) is centred near the mobile ARPU that Chinese operators report,
 *   about ¥50 a month (e.g. China Mobile's annual results), higher for bundles, lower for at-risk users.
 * - 5G shares lean on MIIT's communications statistics (5G handsets over half of mobile subscribers by
 *   2024); new and high-value subscribers are mostly on 5G plans.
 * - Purchases: BG/NBD with time in days; stable subscribers buy an add-on about eight times a year
 *   (r / alpha ≈ 0.022 a day) and rarely stop (a / (a + b) ≈ 6 % per order); at-risk subscribers
 *   about four times a year and a third stop after any order. Add-ons are small and similar in size:
 *   gamma-gamma with p = 4, q = 3.5 and means of ¥25–80.
 * - Reach: the operator can SMS nearly every subscriber and call most; its app and official account
 *   reach a third or so; WeCom and community groups little, except for account-managed high-value users.
 * - Responses: SMS from the operator is read more than a brand's (0.7), calls are answered 30 % of the
 *   time; the rest are the consumer baselines in common.ts scaled by engagement.
 * - Events a day (assumed): app visits to check balance and usage (0.06–0.2); new subscribers sign up
 *   for the app (register) and ask customer service (consult) most; broadband and plan-change forms
 *   (form_submit) 0.001–0.003; churn warnings 0.001–0.003, 0.01 in the at-risk segment, which also
 *   consults (complains) three times as often as stable subscribers.
 */
export const telecomPreset = defineCohortPreset({
  industry: 'telecom',
  sources: [
    purchaseDynamicsSource,
    'Send-hour and weekday patterns: illustrative, not measured.',
    'China Mobile, annual results (2023–2024): mobile ARPU of about ¥49 a month — the centre of the arpu attribute.',
    'Ministry of Industry and Information Technology (MIIT), communications industry statistical bulletins (2024): 5G handset users over half of mobile subscribers.',
    'Fader, Hardie & Lee (2005), Marketing Science 24(2) — the BG/NBD model whose parameters (r, α in days, a, b) are set here by assumption for add-on purchases.',
    'Channel response rates, churn-risk share and lifts: indicative assumptions for teaching, not measurements; replace them with your own data.',
  ],
  spec: {
    schemaVersion: 6,
    id: 'telecom',
    name: { en: 'Telecom subscribers', 'zh-CN': '电信运营商用户' },
    description: {
      en: 'Mobile subscribers: new, stable, high-value (5G and converged bundles) and at risk of leaving. A purchase is a paid add-on or upgrade. Indicative numbers, not measurements.',
      'zh-CN': '移动用户：新入网、稳定在网、高价值（5G 与融合套餐）和离网风险用户。购买指付费的增值包或套餐升级。数字仅为示意性假设，并非实测。',
    },
    size: 20_000,
    timing: consumerTiming,
    attributes: {
      region: regionDeclaration,
      age_band: { name: ageBandName, values: ageBands, shares: { '18-24': 10, '25-34': 28, '35-44': 27, '45-54': 20, '55+': 15 } },
      gender: { name: genderName, values: ['female', 'male'], shares: { female: 49, male: 51 } },
      member_tier: { name: { en: 'Star level', 'zh-CN': '星级' }, values: ['star_1', 'star_2', 'star_3', 'star_4', 'star_5'] },
      device: { name: deviceName, values: devices, shares: { android: 62, ios: 24, harmonyos: 13, pc: 1 } },
      plan_type: { name: { en: 'Plan type', 'zh-CN': '套餐类型' }, values: ['prepaid', 'postpaid', 'family_bundle'] },
      network: { name: { en: 'Network', 'zh-CN': '网络' }, values: ['4g', '5g'] },
      tenure_months: { name: { en: 'Months on the network', 'zh-CN': '在网月数' }, numeric: { min: 0, max: 360, integer: true } },
      arpu: { name: { en: 'Monthly spend (yuan)', 'zh-CN': '月均消费（元）' }, numeric: { min: 8, max: 1000 } },
    },
    tags: ['contract_expiring', 'heavy_data_user', 'complained', 'roaming_recent', 'broadband_user'],
    segments: [
      {
        id: 'new_subscribers',
        name: { en: 'New subscribers', 'zh-CN': '新入网用户' },
        description: { en: 'Joined in the last six months.', 'zh-CN': '近 6 个月入网。' },
        share: 12,
        attributes: {
          plan_type: { prepaid: 45, postpaid: 40, family_bundle: 15 },
          network: { '4g': 30, '5g': 70 },
          member_tier: { star_1: 60, star_2: 30, star_3: 10 },
        },
        numeric: { tenure_months: { mean: 3, sd: 2 }, arpu: { mean: 45, sd: 20 } },
        rfm: { recency: [5, 10, 20, 30, 35], frequency: [40, 30, 20, 8, 2], monetary: [30, 30, 25, 10, 5] },
        tags: { contract_expiring: 0.01, heavy_data_user: 0.2, complained: 0.03, roaming_recent: 0.05, broadband_user: 0.2 },
        reach: { sms: 0.98, push: 0.3, email: 0.05, wechat_oa: 0.25, wecom: 0.05, in_app: 0.3, community: 0.01, call: 0.85 },
        behaviour: {
          events: eventRates({ register: 0.02, visit: 0.15, consult: 0.02, form_submit: 0.003, churn_risk: 0.003 }),
          purchase: { r: 0.6, alpha: 40, a: 0.6, b: 3 },
          orderValue: { p: P, q: Q, gamma: gammaForMean(30, P, Q) },
          response: scaleResponses(operatorResponse, 1),
          fatigue: 0.85,
          clickLift: 3,
          priceElasticity: 4,
          responseWindowDays: 7,
          pullForward: 0.2,
          reactivation: 0.05,
          unsubscribePressure: 0.4,
        },
      },
      {
        id: 'stable',
        name: { en: 'Stable subscribers', 'zh-CN': '稳定在网用户' },
        description: { en: 'On the network for years, spending around the average.', 'zh-CN': '在网多年，消费接近平均水平。' },
        share: 48,
        attributes: {
          plan_type: { prepaid: 20, postpaid: 55, family_bundle: 25 },
          network: { '4g': 45, '5g': 55 },
          member_tier: { star_1: 15, star_2: 30, star_3: 30, star_4: 18, star_5: 7 },
        },
        numeric: { tenure_months: { mean: 60, sd: 36 }, arpu: { mean: 55, sd: 25 } },
        rfm: { recency: [10, 20, 30, 25, 15], frequency: [15, 25, 30, 20, 10], monetary: [15, 25, 30, 20, 10] },
        tags: { contract_expiring: 0.08, heavy_data_user: 0.3, complained: 0.04, roaming_recent: 0.06, broadband_user: 0.45 },
        reach: { sms: 0.98, push: 0.35, email: 0.08, wechat_oa: 0.3, wecom: 0.05, in_app: 0.35, community: 0.02, call: 0.8 },
        behaviour: {
          events: eventRates({ visit: 0.1, consult: 0.005, form_submit: 0.002, churn_risk: 0.002 }),
          purchase: { r: 1, alpha: 45, a: 0.3, b: 5 },
          orderValue: { p: P, q: Q, gamma: gammaForMean(40, P, Q) },
          response: scaleResponses(operatorResponse, 1),
          fatigue: 0.85,
          clickLift: 2.5,
          priceElasticity: 3,
          responseWindowDays: 7,
          pullForward: 0.3,
          reactivation: 0.05,
          unsubscribePressure: 0.3,
        },
      },
      {
        id: 'high_value',
        name: { en: 'High-value subscribers', 'zh-CN': '高价值用户' },
        description: { en: '5G plans and converged mobile + broadband bundles, high star levels.', 'zh-CN': '5G 套餐与移动+宽带融合套餐用户，星级较高。' },
        share: 15,
        attributes: {
          plan_type: { prepaid: 2, postpaid: 48, family_bundle: 50 },
          network: { '4g': 10, '5g': 90 },
          member_tier: { star_2: 5, star_3: 20, star_4: 40, star_5: 35 },
        },
        numeric: { tenure_months: { mean: 96, sd: 48 }, arpu: { mean: 150, sd: 60 } },
        rfm: { recency: [3, 7, 20, 30, 40], frequency: [3, 7, 20, 35, 35], monetary: [1, 4, 15, 30, 50] },
        tags: { contract_expiring: 0.1, heavy_data_user: 0.6, complained: 0.05, roaming_recent: 0.2, broadband_user: 0.8 },
        reach: { sms: 0.98, push: 0.55, email: 0.2, wechat_oa: 0.35, wecom: 0.3, in_app: 0.55, community: 0.03, call: 0.85 },
        behaviour: {
          events: eventRates({ visit: 0.2, consult: 0.008, form_submit: 0.002, churn_risk: 0.001 }),
          purchase: { r: 2, alpha: 50, a: 0.2, b: 6 },
          orderValue: { p: P, q: Q, gamma: gammaForMean(80, P, Q) },
          response: scaleResponses(operatorResponse, 1.3),
          fatigue: 0.9,
          clickLift: 2,
          priceElasticity: 1.5,
          responseWindowDays: 7,
          pullForward: 0.3,
          reactivation: 0.08,
          unsubscribePressure: 0.2,
        },
      },
      {
        id: 'churn_risk',
        name: { en: 'At risk of leaving', 'zh-CN': '离网风险用户' },
        description: { en: 'Falling usage, contract ending or recent complaints.', 'zh-CN': '使用量下降、合约到期或近期有投诉。' },
        share: 25,
        attributes: {
          plan_type: { prepaid: 45, postpaid: 45, family_bundle: 10 },
          network: { '4g': 60, '5g': 40 },
          member_tier: { star_1: 40, star_2: 35, star_3: 18, star_4: 5, star_5: 2 },
        },
        numeric: { tenure_months: { mean: 30, sd: 30 }, arpu: { mean: 35, sd: 18 } },
        rfm: { recency: [40, 30, 15, 10, 5], frequency: [35, 30, 20, 10, 5], monetary: [30, 30, 20, 15, 5] },
        tags: { contract_expiring: 0.25, heavy_data_user: 0.15, complained: 0.15, roaming_recent: 0.04, broadband_user: 0.2 },
        reach: { sms: 0.95, push: 0.15, email: 0.05, wechat_oa: 0.15, wecom: 0.02, in_app: 0.15, community: 0.01, call: 0.7 },
        behaviour: {
          events: eventRates({ visit: 0.06, consult: 0.015, form_submit: 0.001, churn_risk: 0.01 }),
          purchase: { r: 0.5, alpha: 50, a: 1, b: 2 },
          orderValue: { p: P, q: Q, gamma: gammaForMean(25, P, Q) },
          response: scaleResponses(operatorResponse, 0.6, 2),
          fatigue: 0.75,
          clickLift: 3,
          priceElasticity: 5,
          responseWindowDays: 7,
          pullForward: 0.2,
          reactivation: 0.12,
          unsubscribePressure: 0.5,
        },
      },
    ],
  },
});
