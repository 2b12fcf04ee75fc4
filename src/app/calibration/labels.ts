// Names the import screens give columns, delimiters and column roles.
import type { TFunction } from 'i18next';
import { columnLabel, transactionFields, type Delimiter, type TransactionMappingDraft } from '../../core/calibration/import';
import { say } from '../i18n/say';

const delimiterKeys = { ',': 'comma', '\t': 'tab', ';': 'semicolon', '|': 'pipe', whitespace: 'whitespace' } as const satisfies Record<Delimiter, string>;
export const delimiterKey = (delimiter: Delimiter) => delimiterKeys[delimiter];

/** "column 3 “date”" or "column 3". */
export const columnName = (index: number, header: readonly string[] | null, lang: string) => say(columnLabel(index, header), lang);

/** The role the mapping gives a column ("Customer id"), or nothing. */
export function roleOf(index: number, mapping: TransactionMappingDraft | null, t: TFunction): string {
  const field = mapping ? transactionFields.find((candidate) => mapping[candidate] === index) : undefined;
  return field ? t(`calibration.fields.${field}`) : '';
}
