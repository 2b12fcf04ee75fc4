/**
 * Reading customer data files (issue 16): transactions, profiles and campaign history, from bytes in
 * chunks (UTF-8, UTF-16 with BOM, GB18030; CSV, TSV, other delimiters or whitespace; with or without a
 * header) to columnar tables and reports that account for every row. Pure: no DOM, no file system, no
 * clock; the app's worker and the CLI push the chunks.
 */
export { createDecoder, textEncodings, type StreamDecoder, type TextEncoding } from './decode';
export { ImportFailure, problemOf } from './failure';
export { createTableReader, delimiters, detectDelimiter, looksLikeHeader, type Delimiter, type TableLayout, type TableOptions, type TableReader, type TableRow } from './table';
export { MAX_RECORD_CHARS } from './records';
export { dateFormats, detectDateFormat, parseDate, referenceDay, type DateDetection, type DateExample, type DateFormat } from './dates';
export { isoDate, isoDateTime } from './civil';
export { importTimeZoneSchema, offsetMinutes, type ImportTimeZone } from './timeZones';
export { currencyOf, parseAmount, parseFlag, parseNumber } from './numbers';
export { transactionFields, type TransactionField, type CampaignCount } from './columnNames';
export {
  checkTransactionMapping,
  columnLabel,
  duplicateRules,
  guessTransactionMapping,
  transactionFieldLabel,
  transactionMappingSchema,
  type DuplicateRule,
  type GuessSource,
  type TransactionGuess,
  type TransactionMapping,
  type TransactionMappingDraft,
  type TransactionMappingInput,
} from './columns';
export {
  createTransactionReader,
  parseTransactionRow,
  previewTransactions,
  rejectedRowsCsv,
  transactionRejections,
  type TransactionImport,
  type TransactionReader,
  type TransactionRejection,
  type TransactionReport,
  type TransactionTable,
} from './transactions';
export { rejectionMessage, rowReasons, type RowReason } from './reasons';
export { MAX_LINES, type LineList, type RejectedRows } from './lineLists';
export { Interner } from './growable';
export {
  createTransactionImport,
  importTransactions,
  sniffTable,
  sniffTransactions,
  SNIFF_BYTES,
  SNIFF_ROWS,
  type Sniffed,
  type SniffOptions,
  type TransactionImportResult,
  type TransactionImportSettings,
  type TransactionImportStream,
} from './pipeline';
export {
  createProfileReader,
  guessProfileMapping,
  profileMappingSchema,
  profileRejections,
  type ProfileAttribute,
  type ProfileImport,
  type ProfileMapping,
  type ProfileReader,
  type ProfileReport,
  type ProfileTable,
} from './profiles';
export {
  campaignMappingSchema,
  campaignOutcomes,
  campaignRejections,
  channelOf,
  createCampaignReader,
  guessCampaignMapping,
  type CampaignImport,
  type CampaignMapping,
  type CampaignOutcome,
  type CampaignReader,
  type CampaignReport,
  type CampaignSummary,
  type OutcomeCounts,
} from './campaigns';
export { createCampaignImport, createProfileImport, type SideImportStream } from './profileImport';
export { timeZoneChoices } from './timeZoneChoices';
