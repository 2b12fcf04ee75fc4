import { consumerTiming, purchaseDynamicsSource, ageBandName, ageBands, consumerResponse, defineCohortPreset, deviceName, devices, eventRates, gammaForMean, genderName, memberTierName, regionDeclaration, scaleResponses } from './common';

// Service bills vary moderately around an owner's usual amount (a minor service one time, brakes and
// tyres another): gamma-gamma with p = 4, q = 4 (assumed).
const P = 4;
const Q = 4;

/** A car is due for maintenance about every six months (5,000–10,000 km): one due date per ~180 days. */
const SERVICE_DUE_PER_DAY = 0.0056;

/**
 * A dealer has every owner's phone number from the sale and a named service adviser (服务顾问) per
 * owner, so its SMS is read, its calls are answered and its WeCom messages land more than a brand's;
 * owners follow the dealer's official account for booking and service notices (assumed).
 */
const dealerResponse = {
  ...consumerResponse,
  sms: { open: 0.65, click: 0.03, unsubscribe: 0.002 },
  wechat_oa: { open: 0.06, click: 0.1, unsubscribe: 0.002 },
  wecom: { open: 0.6, click: 0.15, unsubscribe: 0.004 },
  call: { open: 0.4, click: 0.2, unsubscribe: 0.02 },
};

/**
 * Automotive after-sales (汽车 4S 店售后): the car owners of one franchised dealer (4S 店) — new-car
 * owners still in warranty, loyal service customers, occasional visitors and owners drifting to
 * independent garages (流失风险).
 *
 * A "purchase" is a paid service visit — maintenance, repairs, tyres, accessories — and its value the
 * bill. Reasoning and sources (indicative assumptions, not measurements):
 * - Warranty: China's rules on household cars (SAMR, 2021) set the warranty at no less than 3 years or
 *   60,000 km, so "new-car owners" are cars up to about three years old; after it ends owners are free
 *   to go elsewhere, which is where dealers lose them. J.D. Power's China after-sales (CSI) studies
 *   report that dealer service loyalty falls as cars age — the reason for the at-risk segment; the
 *   shares here (25 / 30 / 25 / 20 %) are assumed.
 * - Service due: carmakers' schedules ask for maintenance about every 6 months or 5,000–10,000 km, so
 *   the dealer system raises `service_due` about once per 180 days per car (0.0056 a day) — the same in
 *   every segment, since the car needs it whether or not its owner comes.
 * - Powertrain: new-energy cars were about 40 % of new-car sales in 2024 (China Association of
 *   Automobile Manufacturers) but under a tenth of cars on the road (Ministry of Public Security, end of
 *   2024), so new-car owners are a third new-energy and older segments about a tenth.
 * - Purchases: BG/NBD with time in days. Loyal customers come about 2.5 times a year (two services and
 *   a repair; r / alpha ≈ 0.0069 a day) and rarely leave (5 % per visit); new-car owners twice a year,
 *   8 %; occasional owners once a year, a quarter leaving after any visit; at-risk owners about once in
 *   two and a half years, half leaving. Bills: gamma-gamma, means ¥500 (early services are small, some
 *   free), ¥1,200 (loyal, older cars need more), ¥900 (occasional) and ¥700 (at risk) — assumed, in the
 *   several-hundred to couple-of-thousand-yuan range of dealer maintenance for mainstream brands.
 * - Reach: nearly every owner gets SMS (0.95) and can be called (0.8–0.9); the dealer's official
 *   account and the adviser's WeCom reach a half or more of engaged owners, a fifth of those drifting
 *   away; the carmaker's app reaches new-car owners most (connected cars).
 * - Responses: dealer SMS read 65 %, calls answered 40 % (the owner knows the adviser), WeCom read 60 %;
 *   the rest are the consumer baselines in common.ts, scaled by engagement. A service is planned, not
 *   impulsive: a click lifts visits for 14 days; a voucher worth a tenth of the bill lifts them ×1.15
 *   (loyal) to ×1.4 (at risk).
 * - Events a day (assumed): app or mini-program `visit`s 0.02–0.1; `consult` (asking the adviser)
 *   0.003–0.02, highest for new owners; `form_submit` (online booking, test-drive or trade-in forms)
 *   0.002–0.005; `churn_risk` (no visit past the due date, a quote from a garage) 0.001–0.008.
 */
export const automotivePreset = defineCohortPreset({
  industry: 'automotive',
  sources: [
    purchaseDynamicsSource,
    'Send-hour and weekday patterns: illustrative, not measured.',
    'State Administration for Market Regulation (SAMR), Provisions on the Liability for Repair, Replacement and Return of Household Automobile Products (2021): warranty of at least 3 years or 60,000 km — the age that separates new-car owners.',
    'Carmakers’ maintenance schedules (owner’s manuals): a service about every 6 months or 5,000–10,000 km — service_due about once per 180 days.',
    'China Association of Automobile Manufacturers (CAAM), annual sales figures (2024): new-energy vehicles about 40 % of new-vehicle sales; Ministry of Public Security, vehicle statistics (end of 2024): new-energy vehicles under a tenth of cars on the road — the powertrain shares.',
    'J.D. Power China Customer Service Index (CSI) studies: dealer after-sales loyalty falls as cars age and leave warranty — the reason for the at-risk segment; its share is assumed.',
    'Fader, Hardie & Lee (2005), Marketing Science 24(2) and Journal of Marketing Research 42(4) — the BG/NBD and gamma-gamma models; the parameters here are set by assumption for service visits.',
    'Segment shares, visit rates, bill sizes, reach, channel responses and lifts: indicative assumptions for teaching, not measurements; replace them with your own data.',
  ],
  spec: {
    schemaVersion: 6,
    id: 'automotive',
    name: { en: 'Car owners of a 4S dealer', 'zh-CN': '4S 店车主' },
    description: {
      en: 'The car owners a franchised (4S) dealer services: new-car owners in warranty, loyal service customers, occasional visitors and owners drifting to independent garages. A purchase is a paid service visit. Indicative numbers, not measurements.',
      'zh-CN': '4S 店售后服务的车主：质保期内的新车车主、忠诚保养客户、偶尔到店的车主和流向社会维修厂的流失风险车主。购买指一次付费的到店保养或维修。数字仅为示意性假设，并非实测。',
    },
    size: 20_000,
    timing: consumerTiming,
    attributes: {
      region: regionDeclaration,
      age_band: { name: ageBandName, values: ageBands, shares: { '18-24': 4, '25-34': 30, '35-44': 33, '45-54': 21, '55+': 12 } },
      gender: { name: genderName, values: ['female', 'male'], shares: { female: 38, male: 62 } },
      member_tier: { name: memberTierName, values: ['none', 'silver', 'gold', 'platinum'] },
      device: { name: deviceName, values: devices, shares: { android: 56, ios: 30, harmonyos: 13, pc: 1 } },
      powertrain: { name: { en: 'Powertrain', 'zh-CN': '动力类型' }, values: ['fuel', 'new_energy'] },
      car_age_years: { name: { en: 'Car age (years)', 'zh-CN': '车龄（年）' }, numeric: { min: 0, max: 20, integer: true } },
      mileage_km: { name: { en: 'Mileage (km)', 'zh-CN': '行驶里程（公里）' }, numeric: { min: 0, max: 500_000, integer: true } },
    },
    tags: ['in_warranty', 'extended_warranty', 'insurance_due', 'complained', 'booked_online'],
    segments: [
      {
        id: 'new_car_owners',
        name: { en: 'New-car owners', 'zh-CN': '新车车主' },
        description: { en: 'Bought their car here within about three years; still in warranty.', 'zh-CN': '约 3 年内在本店购车，仍在质保期内。' },
        share: 25,
        attributes: {
          member_tier: { none: 30, silver: 50, gold: 17, platinum: 3 },
          powertrain: { fuel: 65, new_energy: 35 },
        },
        numeric: { car_age_years: { mean: 1.5, sd: 1 }, mileage_km: { mean: 25_000, sd: 15_000 } },
        rfm: { recency: [5, 10, 20, 30, 35], frequency: [15, 25, 35, 20, 5], monetary: [30, 30, 25, 10, 5] },
        tags: { in_warranty: 0.95, extended_warranty: 0.2, insurance_due: 0.08, complained: 0.04, booked_online: 0.35 },
        reach: { sms: 0.95, push: 0.45, email: 0.08, wechat_oa: 0.6, wecom: 0.6, in_app: 0.4, community: 0.2, call: 0.9 },
        behaviour: {
          events: eventRates({ service_due: SERVICE_DUE_PER_DAY, visit: 0.1, consult: 0.02, form_submit: 0.005, churn_risk: 0.001 }),
          purchase: { r: 2, alpha: 365, a: 0.4, b: 4.6 },
          orderValue: { p: P, q: Q, gamma: gammaForMean(500, P, Q) },
          response: scaleResponses(dealerResponse, 1.2),
          fatigue: 0.85,
          clickLift: 3,
          priceElasticity: 2,
          responseWindowDays: 14,
          pullForward: 0.35,
          reactivation: 0.1,
          unsubscribePressure: 0.3,
        },
      },
      {
        id: 'loyal_service',
        name: { en: 'Loyal service customers', 'zh-CN': '忠诚保养客户' },
        description: { en: 'Out of warranty but still service every visit at the dealer.', 'zh-CN': '已过质保期，仍坚持回店保养。' },
        share: 30,
        attributes: {
          member_tier: { none: 10, silver: 35, gold: 40, platinum: 15 },
          powertrain: { fuel: 90, new_energy: 10 },
        },
        numeric: { car_age_years: { mean: 6, sd: 2.5 }, mileage_km: { mean: 90_000, sd: 40_000 } },
        rfm: { recency: [3, 7, 20, 35, 35], frequency: [3, 7, 20, 35, 35], monetary: [3, 7, 20, 35, 35] },
        tags: { in_warranty: 0.1, extended_warranty: 0.3, insurance_due: 0.08, complained: 0.03, booked_online: 0.4 },
        reach: { sms: 0.95, push: 0.3, email: 0.08, wechat_oa: 0.55, wecom: 0.5, in_app: 0.25, community: 0.15, call: 0.9 },
        behaviour: {
          events: eventRates({ service_due: SERVICE_DUE_PER_DAY, visit: 0.06, consult: 0.01, form_submit: 0.004, churn_risk: 0.001 }),
          purchase: { r: 2, alpha: 290, a: 0.3, b: 5.7 },
          orderValue: { p: P, q: Q, gamma: gammaForMean(1_200, P, Q) },
          response: scaleResponses(dealerResponse, 1.2),
          fatigue: 0.9,
          clickLift: 2,
          priceElasticity: 1.5,
          responseWindowDays: 14,
          pullForward: 0.4,
          reactivation: 0.1,
          unsubscribePressure: 0.2,
        },
      },
      {
        id: 'occasional',
        name: { en: 'Occasional visitors', 'zh-CN': '偶尔到店车主' },
        description: { en: 'Come for some services and go elsewhere for others.', 'zh-CN': '部分保养回店，部分在外面做。' },
        share: 25,
        attributes: {
          member_tier: { none: 45, silver: 40, gold: 13, platinum: 2 },
          powertrain: { fuel: 90, new_energy: 10 },
        },
        numeric: { car_age_years: { mean: 5, sd: 2.5 }, mileage_km: { mean: 75_000, sd: 40_000 } },
        rfm: { recency: [20, 25, 25, 20, 10], frequency: [25, 30, 25, 15, 5], monetary: [15, 25, 30, 20, 10] },
        tags: { in_warranty: 0.2, extended_warranty: 0.1, insurance_due: 0.08, complained: 0.07, booked_online: 0.15 },
        reach: { sms: 0.95, push: 0.15, email: 0.05, wechat_oa: 0.35, wecom: 0.3, in_app: 0.1, community: 0.05, call: 0.85 },
        behaviour: {
          events: eventRates({ service_due: SERVICE_DUE_PER_DAY, visit: 0.03, consult: 0.005, form_submit: 0.003, churn_risk: 0.004 }),
          purchase: { r: 1, alpha: 365, a: 1, b: 3 },
          orderValue: { p: P, q: Q, gamma: gammaForMean(900, P, Q) },
          response: scaleResponses(dealerResponse, 0.9),
          fatigue: 0.85,
          clickLift: 3,
          priceElasticity: 3,
          responseWindowDays: 14,
          pullForward: 0.3,
          reactivation: 0.1,
          unsubscribePressure: 0.4,
        },
      },
      {
        id: 'at_risk',
        name: { en: 'Drifting to independent garages', 'zh-CN': '流向社会维修厂的车主' },
        description: { en: 'No visit for a year or more; servicing at independent or chain garages.', 'zh-CN': '一年以上未回店，转去社会维修厂或连锁快修店保养。' },
        share: 20,
        attributes: {
          member_tier: { none: 60, silver: 30, gold: 9, platinum: 1 },
          powertrain: { fuel: 92, new_energy: 8 },
        },
        numeric: { car_age_years: { mean: 8, sd: 3 }, mileage_km: { mean: 120_000, sd: 50_000 } },
        rfm: { recency: [45, 30, 15, 7, 3], frequency: [35, 30, 20, 10, 5], monetary: [25, 30, 25, 15, 5] },
        tags: { in_warranty: 0.03, extended_warranty: 0.03, insurance_due: 0.08, complained: 0.15, booked_online: 0.05 },
        reach: { sms: 0.9, push: 0.1, email: 0.03, wechat_oa: 0.2, wecom: 0.15, in_app: 0.05, community: 0.02, call: 0.8 },
        behaviour: {
          events: eventRates({ service_due: SERVICE_DUE_PER_DAY, visit: 0.02, consult: 0.003, form_submit: 0.002, churn_risk: 0.008 }),
          purchase: { r: 0.5, alpha: 456, a: 1.5, b: 1.5 },
          orderValue: { p: P, q: Q, gamma: gammaForMean(700, P, Q) },
          response: scaleResponses(dealerResponse, 0.6, 2),
          fatigue: 0.75,
          clickLift: 3,
          priceElasticity: 4,
          responseWindowDays: 14,
          pullForward: 0.3,
          reactivation: 0.15,
          unsubscribePressure: 0.5,
        },
      },
    ],
  },
});
