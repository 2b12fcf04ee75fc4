// A pseudo-locale made from the English catalog at test time: every message wrapped in ⟦ ⟧ with its
// letters accented, its ICU arguments, plurals and selects kept. Text on screen without ⟦ did not come
// from a catalog: it is hard-coded (or user data, which the test names).
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer';

export const PSEUDO_OPEN = '⟦';

const ACCENTS: Record<string, string> = { a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú', A: 'Á', E: 'É', I: 'Í', O: 'Ó', U: 'Ú', c: 'ç', n: 'ñ', y: 'ý' };
const accent = (text: string) => text.replace(/[aeiouAEIOUcny]/g, (letter) => ACCENTS[letter]!);

function transform(elements: MessageFormatElement[]): MessageFormatElement[] {
  for (const element of elements) {
    if (element.type === TYPE.literal) element.value = accent(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) transform(option.value);
  }
  return elements;
}

type Catalog = { [key: string]: string | Catalog };

/** Whether a message has words of its own (not only arguments, spaces and signs: "{head}, {tail}", "{text}"). */
const hasWords = (elements: MessageFormatElement[]): boolean =>
  elements.some(
    (element) =>
      (element.type === TYPE.literal && /\p{L}/u.test(element.value)) ||
      ((element.type === TYPE.plural || element.type === TYPE.select) && Object.values(element.options).some((option) => hasWords(option.value))),
  );

function pseudoMessage(message: string): string {
  const elements = parse(message, { ignoreTag: true });
  // a message without words of its own marks nothing: the text it shows comes from its arguments
  return hasWords(elements) ? `${PSEUDO_OPEN}${printAST(transform(elements))}⟧` : message;
}

/** The catalog with every message pseudo-translated, keys unchanged. */
export function pseudoCatalog(catalog: Catalog): Catalog {
  return Object.fromEntries(Object.entries(catalog).map(([key, value]) => [key, typeof value === 'string' ? pseudoMessage(value) : pseudoCatalog(value)]));
}
