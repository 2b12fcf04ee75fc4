import { consumerTiming, purchaseDynamicsSource, ageBandName, ageBands, consumerResponse, defineCohortPreset, deviceName, devices, eventRates, genderName, memberTierName, regionDeclaration, scaleResponses } from './common';

// Course fees vary a lot between buyers but little between one buyer's own orders; with p = 3 and
// q = 4 the gamma-gamma mean order value (p × gamma / (q − 1)) equals gamma.
const P = 3;
const Q = 4;

/** Adviser-led channels answer more than the consumer baselines; broadcast ones the same. */
const educationResponse = {
  ...consumerResponse,
  wechat_oa: { open: 0.05, click: 0.1, unsubscribe: 0.002 },
  wecom: { open: 0.6, click: 0.15, unsubscribe: 0.004 },
  community: { open: 0.3, click: 0.06, unsubscribe: 0.004 },
  call: { open: 0.35, click: 0.15, unsubscribe: 0.03 },
};

/**
 * Education (教育培训): a training provider's contacts — trial leads, parents of enrolled K12 students,
 * adult learners and alumni. The segment id `parents` and the tags `enrolled` and `consulted` are the
 * ones the parents'-class template (case 6 of the domain brief) reads.
 *
 * A "purchase" is a course or term enrolment (renewals included) or paid materials. Reasoning and
 * sources (indicative assumptions, not measurements):
 * - Purchases are rare and large: BG/NBD with rates of 0.5–2.2 orders a year (r / alpha per day ×
 *   365); parents renew by term (about twice a year) and seldom stop (a / (a + b) ≈ 12 %), leads
 *   and alumni often never come back (a third or more). Mean orders of ¥1,500 (alumni add-ons) to ¥4,500
 *   (a K12 term), assumed.
 * - Reach and response: the sector works through advisers (课程顾问) on WeCom, class community
 *   groups and telephone follow-up, so WeCom and calls reach most contacts and are answered far more
 *   than broadcast channels; app push and e-mail play a small part. WeCom messages from a known
 *   adviser are assumed read 60 % of the time, calls answered 35 %.
 * - Decisions take longer than a shopping basket: a click lifts enrolment for 14 days, and offers
 *   (a discounted trial, a second-term discount) double the rate of leads and alumni.
 * - Events a day (assumed): leads come from ads and the official account, so they reply with
 *   keywords, bounce from landing pages, fill in forms and become MQLs (0.005–0.01 each) and consult
 *   most (0.03); parents consult an adviser about every seven weeks (0.02) and sign up for classes
 *   (form_submit 0.01); enrolments (enrol) run at about the rate of course purchases; churn warnings
 *   0.002–0.005, highest among alumni; mini-program visits 0.05–0.3.
 */
export const educationPreset = defineCohortPreset({
  industry: 'education',
  sources: [
    purchaseDynamicsSource,
    'Send-hour and weekday patterns: illustrative, not measured.',
    'Fader, Hardie & Lee (2005), Marketing Science 24(2) and Journal of Marketing Research 42(4) — the BG/NBD and gamma-gamma models; the parameters here are set by assumption for term-based course purchases.',
    'Channel mix: the adviser-led WeCom 1:1, community-group and telephone follow-up practice of Chinese training providers (as described in the domain seeds); response rates are indicative assumptions, not measurements.',
    'Segment shares, course fees and lifts: stated assumptions for teaching; replace them with your own data.',
  ],
  spec: {
    schemaVersion: 6,
    id: 'education',
    name: { en: 'Education: leads, parents and learners', 'zh-CN': '教育培训：线索、家长与学员' },
    description: {
      en: 'A training provider’s contacts: trial leads, parents of enrolled K12 students, adult learners and alumni. A purchase is an enrolment, renewal or paid materials. Indicative numbers, not measurements.',
      'zh-CN': '培训机构的联系人：试听/留资线索、K12 在读学员家长、成人学员和已结课学员。购买指报名、续费或付费资料。数字仅为示意性假设，并非实测。',
    },
    size: 20_000,
    timing: consumerTiming,
    attributes: {
      region: regionDeclaration,
      age_band: { name: ageBandName, values: ageBands, shares: { '18-24': 10, '25-34': 30, '35-44': 45, '45-54': 12, '55+': 3 } },
      gender: { name: genderName, values: ['female', 'male'], shares: { female: 58, male: 42 } },
      member_tier: { name: memberTierName, values: ['none', 'regular', 'vip'] },
      device: { name: deviceName, values: devices, shares: { android: 55, ios: 32, harmonyos: 10, pc: 3 } },
      grade: { name: { en: 'Grade', 'zh-CN': '学段' }, values: ['preschool', 'primary', 'junior_high', 'senior_high', 'adult'] },
      lead_source: { name: { en: 'Lead source', 'zh-CN': '线索来源' }, values: ['ads', 'referral', 'organic', 'offline'] },
    },
    tags: ['enrolled', 'consulted', 'trial_attended', 'price_sensitive', 'referral'],
    segments: [
      {
        id: 'trial_leads',
        name: { en: 'Trial leads', 'zh-CN': '试听/留资线索' },
        description: { en: 'Left contact details or booked a trial lesson; not enrolled.', 'zh-CN': '留下联系方式或预约试听，尚未报名。' },
        share: 40,
        attributes: {
          grade: { preschool: 15, primary: 45, junior_high: 25, senior_high: 10, adult: 5 },
          member_tier: { none: 95, regular: 5 },
          lead_source: { ads: 55, referral: 15, organic: 20, offline: 10 },
        },
        rfm: { recency: [10, 15, 20, 25, 30], frequency: [70, 20, 7, 2, 1], monetary: [80, 12, 5, 2, 1] },
        tags: { enrolled: 0.03, consulted: 0.5, trial_attended: 0.3, price_sensitive: 0.45, referral: 0.15 },
        reach: { sms: 0.9, push: 0.1, email: 0.05, wechat_oa: 0.4, wecom: 0.55, in_app: 0.1, community: 0.3, call: 0.8 },
        behaviour: {
          events: eventRates({ register: 0.01, visit: 0.1, keyword_reply: 0.01, landing_bounce: 0.01, form_submit: 0.01, mql: 0.005, consult: 0.03, enrol: 0.002 }),
          purchase: { r: 0.3, alpha: 200, a: 1, b: 1.5 },
          orderValue: { p: P, q: Q, gamma: 2000 },
          response: scaleResponses(educationResponse, 0.8),
          fatigue: 0.8,
          clickLift: 4,
          priceElasticity: 5,
          responseWindowDays: 14,
          pullForward: 0.1,
          reactivation: 0.05,
          unsubscribePressure: 0.4,
        },
      },
      {
        id: 'parents',
        name: { en: 'Parents of enrolled students', 'zh-CN': '在读学员家长' },
        description: { en: 'Parents who pay for a child’s K12 courses.', 'zh-CN': '为孩子支付 K12 课程费用的家长。' },
        share: 30,
        attributes: {
          grade: { preschool: 15, primary: 50, junior_high: 25, senior_high: 10 },
          member_tier: { none: 10, regular: 70, vip: 20 },
          lead_source: { ads: 40, referral: 25, organic: 20, offline: 15 },
          age_band: { '18-24': 1, '25-34': 30, '35-44': 55, '45-54': 12, '55+': 2 },
        },
        rfm: { recency: [5, 10, 25, 30, 30], frequency: [10, 25, 30, 25, 10], monetary: [5, 15, 30, 30, 20] },
        tags: { enrolled: 0.95, consulted: 0.6, trial_attended: 0.8, price_sensitive: 0.3, referral: 0.2 },
        reach: { sms: 0.95, push: 0.35, email: 0.05, wechat_oa: 0.6, wecom: 0.8, in_app: 0.35, community: 0.7, call: 0.7 },
        behaviour: {
          events: eventRates({ visit: 0.3, consult: 0.02, form_submit: 0.01, enrol: 0.003, churn_risk: 0.003 }),
          purchase: { r: 1.5, alpha: 250, a: 0.4, b: 3 },
          orderValue: { p: P, q: Q, gamma: 4500 },
          response: scaleResponses(educationResponse, 1.2),
          fatigue: 0.88,
          clickLift: 3,
          priceElasticity: 2.5,
          responseWindowDays: 14,
          pullForward: 0.2,
          reactivation: 0.08,
          unsubscribePressure: 0.3,
        },
      },
      {
        id: 'adult_learners',
        name: { en: 'Adult learners', 'zh-CN': '成人学员' },
        description: { en: 'Working adults on vocational, exam or language courses.', 'zh-CN': '参加职业、考证或语言课程的在职成人。' },
        share: 20,
        attributes: {
          grade: { adult: 100 },
          member_tier: { none: 30, regular: 55, vip: 15 },
          lead_source: { ads: 60, referral: 10, organic: 25, offline: 5 },
          age_band: { '18-24': 30, '25-34': 50, '35-44': 15, '45-54': 4, '55+': 1 },
          gender: { female: 52, male: 48 },
        },
        rfm: { recency: [10, 15, 25, 25, 25], frequency: [30, 30, 25, 10, 5], monetary: [15, 25, 30, 20, 10] },
        tags: { enrolled: 0.7, consulted: 0.5, trial_attended: 0.5, price_sensitive: 0.4, referral: 0.1 },
        reach: { sms: 0.9, push: 0.4, email: 0.25, wechat_oa: 0.5, wecom: 0.5, in_app: 0.4, community: 0.4, call: 0.5 },
        behaviour: {
          events: eventRates({ visit: 0.2, consult: 0.01, form_submit: 0.005, enrol: 0.002, churn_risk: 0.004 }),
          purchase: { r: 0.5, alpha: 250, a: 0.8, b: 2 },
          orderValue: { p: P, q: Q, gamma: 3000 },
          response: scaleResponses(educationResponse, 1),
          fatigue: 0.85,
          clickLift: 3,
          priceElasticity: 4,
          responseWindowDays: 14,
          pullForward: 0.15,
          reactivation: 0.08,
          unsubscribePressure: 0.4,
        },
      },
      {
        id: 'alumni',
        name: { en: 'Alumni', 'zh-CN': '已结课学员' },
        description: { en: 'Finished a course and did not renew.', 'zh-CN': '已结课且未续费。' },
        share: 10,
        attributes: {
          grade: { preschool: 5, primary: 35, junior_high: 30, senior_high: 20, adult: 10 },
          member_tier: { none: 20, regular: 60, vip: 20 },
          lead_source: { ads: 45, referral: 20, organic: 25, offline: 10 },
        },
        rfm: { recency: [40, 30, 15, 10, 5], frequency: [15, 30, 30, 15, 10], monetary: [10, 20, 30, 25, 15] },
        tags: { enrolled: 0.05, consulted: 0.2, trial_attended: 0.9, price_sensitive: 0.35, referral: 0.3 },
        reach: { sms: 0.9, push: 0.15, email: 0.1, wechat_oa: 0.45, wecom: 0.6, in_app: 0.15, community: 0.35, call: 0.6 },
        behaviour: {
          events: eventRates({ visit: 0.05, consult: 0.005, form_submit: 0.002, enrol: 0.001, churn_risk: 0.005 }),
          purchase: { r: 0.4, alpha: 300, a: 1, b: 2 },
          orderValue: { p: P, q: Q, gamma: 1500 },
          response: scaleResponses(educationResponse, 0.7, 1.5),
          fatigue: 0.8,
          clickLift: 3,
          priceElasticity: 5,
          responseWindowDays: 14,
          pullForward: 0.2,
          reactivation: 0.1,
          unsubscribePressure: 0.3,
        },
      },
    ],
  },
});

