// Numbers as the fit screens show them.
export const significant = (value: number, lang: string) => value.toLocaleString(lang, { maximumSignificantDigits: 4 });
export const fixed = (value: number, lang: string, digits: number) => value.toLocaleString(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const percentText = (value: number, lang: string) => (Number.isFinite(value) ? `${value > 0 ? '+' : ''}${fixed(value, lang, 1)} %` : '—');
