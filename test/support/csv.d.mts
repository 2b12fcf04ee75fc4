// Types of csv.mjs (plain JavaScript, shared with the e2e tests).

/** The records of a CSV, each a list of its fields. */
export function readCsv(csv: string): string[][];

/** The rows after the header, each keyed by the header's names. */
export function readCsvRows(csv: string): Record<string, string | undefined>[];
