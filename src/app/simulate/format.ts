// Numbers in the Simulate panel and on node badges, in the interface language and the journey's currency.
import type { Language } from '../i18n/index.ts';
import { numberFormat as formatter } from '../i18n/format';

/** A count: whole numbers with grouping (a mean over replications keeps one decimal). */
export const formatCount = (value: number, lang: Language): string =>
  formatter(lang, { maximumFractionDigits: Number.isInteger(value) ? 0 : 1 }).format(value);

/** A proportion as a percentage: 0.1249 → 12.49 %. */
export const formatPercent = (value: number, lang: Language): string => formatter(lang, { style: 'percent', maximumFractionDigits: 2 }).format(value);

/** Money in the journey's currency (an ISO 4217 code); an unknown code falls back to the number and the code. */
export function formatMoney(value: number, currency: string, lang: Language): string {
  try {
    return formatter(lang, { style: 'currency', currency, maximumFractionDigits: 2 }).format(value);
  } catch {
    return `${formatter(lang, { maximumFractionDigits: 2 }).format(value)} ${currency}`;
  }
}

/** A difference of proportions in percentage points, signed: 0.0296 → +2.96. */
export const formatPoints = (value: number, lang: Language): string =>
  formatter(lang, { maximumFractionDigits: 2, minimumFractionDigits: 2, signDisplay: 'exceptZero' }).format(value * 100);

/**
 * Figures from a million up are written short where space is tight (a KPI card): three significant
 * digits in compact notation, CN¥24.6M in English and ¥2460万 in Chinese. Smaller ones fit in full.
 */
const SHORT_FROM = 1_000_000;
const compact: Intl.NumberFormatOptions = { notation: 'compact', maximumSignificantDigits: 3 };

/** A count, short from a million up (1.23M, 1.23亿), else as formatCount. */
export const formatCountShort = (value: number, lang: Language): string =>
  Math.abs(value) >= SHORT_FROM ? formatter(lang, compact).format(value) : formatCount(value, lang);

/** Money, short from a million up (CN¥24.6M, ¥2460万), else as formatMoney. */
export function formatMoneyShort(value: number, currency: string, lang: Language): string {
  if (!(Math.abs(value) >= SHORT_FROM)) return formatMoney(value, currency, lang);
  try {
    return formatter(lang, { ...compact, style: 'currency', currency }).format(value);
  } catch {
    return `${formatter(lang, compact).format(value)} ${currency}`;
  }
}
