// Numbers as spreadsheets and shop systems write them.

const PLAIN_DECIMAL = /^-?\d{1,15}(?:\.\d{1,15})?$/;
const GROUPED_POINT = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?$|^\.\d+$/;
const GROUPED_COMMA = /^(?:\d{1,3}(?:[. ]\d{3})+|\d+)(?:,\d*)?$|^,\d+$/;
const CURRENCY_BEFORE = /^(?:HK\$|US\$|NT\$|S\$|RMB|CNY|USD|EUR|GBP|HKD|JPY|[¥$€£])\s*/i;
const CURRENCY_AFTER = /\s*(?:元|块|RMB|CNY|USD|EUR|GBP|HKD|JPY|[¥$€£])$/i;

/**
 * A plain number: an optional sign, digits with optional thousands separators in groups of three and
 * an optional decimal part: `1234.5`, `1,234.50`, `-3`, `+0.5`. With `decimalComma` the roles swap
 * (`1.234,50`, `1 234,50`), as in files written with European settings. Full-width digits and signs
 * (１２３．５) are read as their ASCII forms. Anything else (`12,50` without `decimalComma`, `1e3`,
 * `12 cm`) is not a number: null.
 */
export function parseNumber(text: string, decimalComma = false): number | null {
  let value = text.trim();
  if (/[^\x20-\x7e]/.test(value)) value = value.normalize('NFKC').replace(/\u2212/g, '-');
  let sign = 1;
  if (value[0] === '-' || value[0] === '+') {
    sign = value[0] === '-' ? -1 : 1;
    value = value.slice(1).trimStart();
  }
  const number = unsigned(value, decimalComma);
  return number === null ? null : sign * number;
}

function unsigned(value: string, decimalComma: boolean): number | null {
  if (!(decimalComma ? GROUPED_COMMA : GROUPED_POINT).test(value)) return null;
  const plain = decimalComma ? value.replace(/[. ]/g, '').replace(',', '.') : value.replace(/,/g, '');
  const number = Number(plain);
  return Number.isFinite(number) ? number : null;
}

/**
 * An amount of money. What `parseNumber` reads, and also with a currency around it — a symbol or code
 * before (`¥12`, `￥12`, `$5`, `HK$5`, `RMB 12`, `-¥12`, `¥-12`) or after (`12.5元`, `12 CNY`) — or in
 * accounting brackets, which mean a negative amount (`(12.50)`). The currency is not checked against the
 * import's: a file has one currency, chosen in the mapping.
 */
export function parseAmount(text: string, decimalComma = false): number | null {
  // Most amounts are plain decimals: read them at once (a million rows pass through here).
  if (!decimalComma && PLAIN_DECIMAL.test(text)) return Number(text);
  let value = text.trim();
  if (/[^\x20-\x7e]/.test(value)) value = value.normalize('NFKC').replace(/\u2212/g, '-');
  let sign = 1;
  if (value.startsWith('(') && value.endsWith(')')) {
    sign = -1;
    value = value.slice(1, -1).trim();
  }
  let signed = false;
  const takeSign = () => {
    if (signed || (value[0] !== '-' && value[0] !== '+')) return;
    sign *= value[0] === '-' ? -1 : 1;
    signed = true;
    value = value.slice(1).trimStart();
  };
  takeSign();
  value = value.replace(CURRENCY_BEFORE, '');
  takeSign();
  const number = unsigned(value.replace(CURRENCY_AFTER, ''), decimalComma);
  return number === null ? null : sign * number;
}

/** The currency an amount is written with, as an ISO 4217 code, when it shows one (¥ and 元 are taken as CNY, $ as USD). */
export function currencyOf(text: string): string | null {
  const value = text.normalize('NFKC');
  const code = /\b(CNY|RMB|USD|EUR|GBP|HKD|JPY)\b/i.exec(value)?.[1]?.toUpperCase();
  if (code) return code === 'RMB' ? 'CNY' : code;
  if (/HK\$/.test(value)) return 'HKD';
  if (/[¥元块]/.test(value)) return 'CNY';
  if (value.includes('$')) return 'USD';
  if (value.includes('€')) return 'EUR';
  if (value.includes('£')) return 'GBP';
  return null;
}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'y', 't', '是', '有', '对', '√', '✓', '✔']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'n', 'f', '否', '无', '没有', '×', '✗']);

/** A yes/no cell: 1/0, true/false, yes/no, y/n, 是/否, 有/无, √/× (any case); null when it is neither (an empty cell included). */
export function parseFlag(text: string): boolean | null {
  const value = text.trim().toLowerCase();
  if (TRUE_WORDS.has(value)) return true;
  if (FALSE_WORDS.has(value)) return false;
  return null;
}
