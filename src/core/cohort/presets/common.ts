import type { Localized } from '../../i18n';
import type { Industry } from '../../templates/defineTemplate';
import type { Channel } from '../../journey/channels';
import type { KnownEvent } from '../../journey/events';
import type { ChannelResponse, CohortSpecInput, EventRate, ModelledEvent } from '../schema';

/** A ready cohort for one industry, with where its numbers come from. */
export interface CohortPreset {
  /** Also the spec's id. */
  id: string;
  industry: Industry;
  name: Localized;
  description: Localized;
  /** Public sources and stated reasoning behind the numbers (indicative assumptions, not measurements). */
  sources: readonly string[];
  spec: CohortSpecInput;
}

export const defineCohortPreset = (preset: Omit<CohortPreset, 'id' | 'name' | 'description'> & { spec: CohortSpecInput & { name: Localized; description: Localized } }): CohortPreset => ({
  id: preset.spec.id,
  industry: preset.industry,
  name: preset.spec.name,
  description: preset.spec.description,
  sources: preset.sources,
  spec: preset.spec,
});

/**
 * Cities rather than provinces, because the holiday template groups users by city (its north, south
 * China and Jiangsu–Zhejiang–Shanghai groups are all here). The shares are a rough teaching assumption
 * (the biggest cities weigh most, the long tail is pooled in "other"), not market data.
 */
export const regionDeclaration = {
  name: { en: 'Region (city)', 'zh-CN': '地区（城市）' },
  values: ['beijing', 'shanghai', 'guangzhou', 'shenzhen', 'hangzhou', 'nanjing', 'suzhou', 'ningbo', 'tianjin', 'jinan', 'shenyang', 'harbin', 'foshan', 'dongguan', 'xiamen', 'chengdu', 'chongqing', 'wuhan', 'xian', 'other'],
  shares: {
    beijing: 7, shanghai: 7, guangzhou: 6, shenzhen: 6, hangzhou: 4, nanjing: 3, suzhou: 4, ningbo: 3, tianjin: 4, jinan: 3,
    shenyang: 3, harbin: 3, foshan: 3, dongguan: 3, xiamen: 2, chengdu: 6, chongqing: 6, wuhan: 4, xian: 4, other: 19,
  },
};

export const ageBands = ['18-24', '25-34', '35-44', '45-54', '55+'];
export const ageBandName = { en: 'Age band', 'zh-CN': '年龄段' };
export const genderName = { en: 'Gender', 'zh-CN': '性别' };
export const memberTierName = { en: 'Member tier', 'zh-CN': '会员等级' };
/** Android, iOS and HarmonyOS phones, and desktop; shares are set per preset. */
export const devices = ['android', 'ios', 'harmonyos', 'pc'];
export const deviceName = { en: 'Device', 'zh-CN': '设备' };

/**
 * Response to one touch for a Chinese consumer audience, before a segment's own engagement: `open` is
 * read / tapped / answered, `click` is the call to action given an open, `unsubscribe` is per touch.
 * Indicative ranges commonly quoted in industry commentary, not measurements: marketing SMS is
 * mostly read but clicked by 1–3 % of recipients; app push is tapped by 3–8 %; WeChat official-account
 * articles are opened by 2–5 % of followers; consumer e-mail in China is opened far less than the
 * 15–20 % typical of B2B; a WeCom 1:1 message from a known adviser is read by around half; an outbound
 * call is answered by a quarter to a third.
 */
export const consumerResponse: Record<Channel, ChannelResponse> = {
  sms: { open: 0.6, click: 0.04, unsubscribe: 0.003 },
  push: { open: 0.05, click: 0.3, unsubscribe: 0.002 },
  email: { open: 0.12, click: 0.1, unsubscribe: 0.003 },
  wechat_oa: { open: 0.03, click: 0.1, unsubscribe: 0.002 },
  wecom: { open: 0.5, click: 0.12, unsubscribe: 0.005 },
  in_app: { open: 0.7, click: 0.06, unsubscribe: 0 },
  community: { open: 0.2, click: 0.05, unsubscribe: 0.004 },
  call: { open: 0.25, click: 0.1, unsubscribe: 0.03 },
};

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * A segment's responses: the base open and click chances times its engagement (capped at 1), and the
 * base unsubscribe chance times its irritability.
 */
export function scaleResponses(base: Record<Channel, ChannelResponse>, engagement: number, irritability = 1): Record<Channel, ChannelResponse> {
  const scaled = {} as Record<Channel, ChannelResponse>;
  for (const [channel, response] of Object.entries(base) as [Channel, ChannelResponse][])
    scaled[channel] = {
      open: round4(Math.min(1, response.open * engagement)),
      click: round4(Math.min(1, response.click * engagement)),
      unsubscribe: round4(Math.min(1, response.unsubscribe * irritability)),
    };
  return scaled;
}

/** Gamma-gamma scale that gives a mean order value: mean = p × gamma / (q − 1). */
export const gammaForMean = (mean: number, p: number, q: number): number => round4((mean * (q - 1)) / p);

/** BG/NBD's alpha is a time scale: a rate fitted per week becomes one per day with alpha × 7. */
export const weeksToDays = (alphaWeeks: number): number => round4(alphaWeeks * 7);

/**
 * A segment's `behaviour.events` from plain rates per day: `eventRates({ visit: 0.3 })` is
 * `{ visit: { perDay: 0.3 } }`. Keys are the known events (a typo does not compile) other than the
 * ones the behaviour model makes itself.
 */
export function eventRates(perDay: Partial<Record<Exclude<KnownEvent, ModelledEvent>, number>>): Record<string, EventRate> {
  return Object.fromEntries(Object.entries(perDay).map(([event, rate]) => [event, { perDay: rate }]));
}

/**
 * Where every preset's pull-forward, win-back and pressure values come from. Pull-forward is set near a
 * third: van Heerde, Gupta & Wittink (2003) decompose a promotion's sales bump into roughly a third
 * brand switching, a third purchases moved in time (acceleration and stockpiling) and a third category
 * expansion — higher where buying is routine (repeat buyers, VIPs, top-ups), lower for first purchases.
 * The win-back chance per click and the unsubscribe pressure have no published figure we can cite; they
 * are illustrative, set so a win-back journey and a six-SMS week behave plausibly.
 */
export const purchaseDynamicsSource =
  'Price elasticity 1–7.5 by segment (a coupon worth a fifth of the expected order lifts buying ×1.2–2.5), around the mean of −2.62 in Bijmolt, van Heerde & Pieters (2005). New Empirical Generalizations on the Determinants of Price Elasticity. Journal of Marketing Research 42(2), 141–156; price-sensitive and lapsed segments set higher (assumed). Pull-forward ≈ 0.1–0.4 by segment: van Heerde, Gupta & Wittink (2003). Is 75% of the Sales Promotion Bump Due to Brand Switching? No, Only 33% Is. Journal of Marketing Research 40(4), 481–491 — about a third of a promotion bump is purchases moved in time. Win-back chance per click (0.05–0.2) and unsubscribe pressure (0.2–0.6 per recent touch): illustrative assumptions, not measurements.';

/**
 * Illustrative consumer send-time pattern (not measured): low at night, a lunchtime lift and an evening
 * peak, the shape commonly reported for Chinese mobile usage; a message arriving at night is read in
 * the morning. Push and SMS follow it; WeChat articles peak a little later in the evening.
 */
const phoneHours = [0.3, 0.2, 0.2, 0.2, 0.2, 0.3, 0.5, 0.8, 1, 1, 1, 1.1, 1.2, 1.1, 1, 1, 1, 1, 1.1, 1.3, 1.4, 1.4, 1.1, 0.6];
const nightDelay = [6, 6, 5, 4, 3, 2, 1.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.2, 2, 4];
const articleHours = [0.3, 0.2, 0.2, 0.2, 0.2, 0.3, 0.5, 0.9, 1, 0.9, 0.9, 1, 1.2, 1, 0.9, 0.9, 0.9, 1, 1.1, 1.2, 1.4, 1.5, 1.3, 0.7];
export const consumerTiming = {
  openByHour: { sms: phoneHours, push: phoneHours, wechat_oa: articleHours },
  delayByHour: { sms: nightDelay, push: nightDelay, wechat_oa: nightDelay },
  openByWeekday: { wechat_oa: [1, 1, 1, 1, 1, 1.1, 1.1] },
};

/**
 * Illustrative shopping calendar for 2027 (not measured): the 618 and 双11 festivals, when marketplace
 * buying peaks on the last days, and the Spring Festival (春节, 6 February 2027), when deliveries pause.
 */
export const shoppingCalendar2027 = [
  { name: { en: '618 warm-up', 'zh-CN': '618 预热' }, from: '2027-06-01', to: '2027-06-15', purchaseRate: 1.3 },
  { name: { en: '618 peak', 'zh-CN': '618 高峰' }, from: '2027-06-16', to: '2027-06-18', purchaseRate: 3 },
  { name: { en: 'After 618', 'zh-CN': '618 之后' }, from: '2027-06-19', to: '2027-06-30', purchaseRate: 0.8 },
  { name: { en: 'Spring Festival lull', 'zh-CN': '春节物流停运' }, from: '2027-02-01', to: '2027-02-12', purchaseRate: 0.5 },
  { name: { en: 'Double 11 warm-up', 'zh-CN': '双11 预热' }, from: '2027-10-20', to: '2027-11-09', purchaseRate: 1.2 },
  { name: { en: 'Double 11', 'zh-CN': '双11' }, from: '2027-11-10', to: '2027-11-11', purchaseRate: 4 },
  { name: { en: 'After Double 11', 'zh-CN': '双11 之后' }, from: '2027-11-12', to: '2027-11-25', purchaseRate: 0.8 },
];
