// Customer profiles: a customer id column, attribute columns (categories such as city or tier, or
// numbers such as age) and tags (a column listing them, or yes/no columns each named as a tag), stored
// per customer against the same customer indexes as the transactions.
import { hasWrongColumnCount } from './records';
import { z } from 'zod';
import { message, type Message } from '../../i18n';
import { matchNames, normalizeName, profileNames } from './columnNames';
import { GrowableColumn, Interner } from './growable';
import { countRow, emptyRejected, type RejectedRows } from './lineLists';
import { parseFlag, parseNumber } from './numbers';
import type { RowReason } from './reasons';
import type { TableLayout, TableRow } from './table';

const column = z.int().min(0).max(100_000);

export const profileMappingSchema = z.strictObject({
  columnCount: z.int().min(1).max(100_000),
  customerId: column,
  attributes: z.array(z.strictObject({ column, name: z.string().min(1).max(200), kind: z.enum(['categorical', 'numeric']) })).default([]),
  tags: z
    .array(
      z.discriminatedUnion('kind', [
        /** A column of tags separated by , ; | 、 (full-width too). */
        z.strictObject({ kind: z.literal('list'), column }),
        /** A yes/no column: the customer carries `tag` where it says yes. */
        z.strictObject({ kind: z.literal('flag'), column, tag: z.string().min(1).max(200) }),
      ]),
    )
    .default([]),
});
export type ProfileMapping = z.output<typeof profileMappingSchema>;

export const profileRejections = ['wrong-column-count', 'missing-id', 'duplicate-customer'] as const satisfies readonly RowReason[];
export type ProfileRejection = (typeof profileRejections)[number];

export type ProfileAttribute =
  | { name: string; kind: 'categorical'; values: readonly string[]; /** Per profile row: index into values, -1 when empty. */ codes: Int32Array }
  | { name: string; kind: 'numeric'; /** Per profile row; NaN when empty or not a number (counted in the report). */ values: Float64Array };

export interface ProfileTable {
  /** Customer index (shared with the transactions) of each profile row. */
  customer: Int32Array;
  length: number;
  attributes: ProfileAttribute[];
  /** Per tag, the customer indexes carrying it (ascending, each once). */
  tags: { name: string; customers: Int32Array }[];
}

export interface ProfileReport {
  rowsRead: number;
  accepted: number;
  rejected: Record<ProfileRejection, RejectedRows>;
  /** Cells of numeric attributes that were not numbers (stored as missing), and of yes/no tag columns that were neither. */
  badValues: RejectedRows;
  /** Profiles of customers the transactions do not have (when read after them), kept with new indexes. */
  newCustomers: number;
}

export interface ProfileImport {
  profiles: ProfileTable;
  report: ProfileReport;
  problem: Message | null;
}

export interface ProfileReader {
  push(rows: readonly TableRow[]): void;
  finish(): ProfileImport;
}

const TAG_SEPARATORS = /[,;|、，；｜]/;

/**
 * Reads profiles. A customer's second and later rows are rejected (duplicate-customer): the first row
 * wins. Tags are trimmed, empty ones ignored.
 */
export function createProfileReader(mapping: ProfileMapping, options: { customers?: Interner } = {}): ProfileReader {
  const customers = options.customers ?? new Interner();
  const known = customers.size;
  const seen = new Set<number>();
  const customer = new GrowableColumn(Int32Array);
  const attributes = mapping.attributes.map((attribute) =>
    attribute.kind === 'numeric' ? { ...attribute, numbers: new GrowableColumn(Float64Array) } : { ...attribute, interner: new Interner(), codes: new GrowableColumn(Int32Array) },
  );
  const tagNames = new Interner();
  const tagMembers: Set<number>[] = [];
  const rejected = Object.fromEntries(profileRejections.map((reason) => [reason, emptyRejected()])) as Record<ProfileRejection, RejectedRows>;
  const badValues = emptyRejected();
  let rowsRead = 0;
  const reach = [...mapping.attributes, ...mapping.tags].reduce((widest, source) => Math.max(widest, source.column), mapping.customerId) + 1;

  const tag = (name: string, who: number) => {
    const index = tagNames.intern(name);
    (tagMembers[index] ??= new Set()).add(who);
  };

  return {
    push(batch) {
      for (const row of batch) {
        rowsRead++;
        const cells = row.cells;
        if (hasWrongColumnCount(cells, reach, mapping.columnCount)) {
          countRow(rejected['wrong-column-count'], row);
          continue;
        }
        const id = cells[mapping.customerId]!;
        if (id === '') {
          countRow(rejected['missing-id'], row);
          continue;
        }
        const who = customers.intern(id);
        if (seen.has(who)) {
          countRow(rejected['duplicate-customer'], row);
          continue;
        }
        seen.add(who);
        customer.push(who);
        let bad = false;
        for (const attribute of attributes) {
          const cell = cells[attribute.column]!;
          if ('numbers' in attribute) {
            const value = cell === '' ? NaN : (parseNumber(cell) ?? NaN);
            bad ||= cell !== '' && Number.isNaN(value);
            attribute.numbers.push(value);
          } else attribute.codes.push(cell === '' ? -1 : attribute.interner.intern(cell));
        }
        for (const source of mapping.tags) {
          const cell = cells[source.column]!;
          if (source.kind === 'list') {
            for (const name of cell.split(TAG_SEPARATORS)) if (name.trim() !== '') tag(name.trim(), who);
          } else {
            const flag = parseFlag(cell);
            bad ||= cell !== '' && flag === null;
            if (flag) tag(source.tag, who);
          }
        }
        if (bad) countRow(badValues, row);
      }
    },
    finish() {
      const accepted = customer.length;
      const profiles: ProfileTable = {
        customer: customer.values().slice(),
        length: accepted,
        attributes: attributes.map((attribute): ProfileAttribute =>
          'numbers' in attribute
            ? { name: attribute.name, kind: 'numeric', values: attribute.numbers.values().slice() }
            : { name: attribute.name, kind: 'categorical', values: attribute.interner.values, codes: attribute.codes.values().slice() },
        ),
        tags: tagNames.values.map((name, index) => ({ name, customers: Int32Array.from(tagMembers[index]!).sort() })),
      };
      let newCustomers = 0;
      if (known > 0) for (const who of profiles.customer) if (who >= known) newCustomers++;
      const report: ProfileReport = { rowsRead, accepted, rejected, badValues, newCustomers };
      const problem = rowsRead === 0 ? message('core.calibration.import.file.noRows') : accepted === 0 ? message('core.calibration.import.profiles.noneUsable', { rows: rowsRead }) : null;
      return { profiles, report, problem };
    },
  };
}

/**
 * A first profile mapping: the customer id column by name (else the first column), a column named as
 * tags (标签, tags) as a tag list, yes/no columns as tags named by their header, and every other column
 * as an attribute, numeric when its values are all numbers and categorical otherwise.
 */
export function guessProfileMapping(layout: TableLayout, rows: readonly (readonly string[])[]): ProfileMapping {
  const header = layout.header ?? Array.from({ length: layout.columnCount }, (_, index) => `${index + 1}`);
  const found = layout.header ? matchNames(layout.header, profileNames, ['customerId', 'tags'] as const) : {};
  const customerId = found.customerId ?? 0;
  const attributes: ProfileMapping['attributes'] = [];
  const tags: ProfileMapping['tags'] = [];
  if (found.tags !== undefined) tags.push({ kind: 'list', column: found.tags });
  for (let index = 0; index < layout.columnCount; index++) {
    if (index === customerId || index === found.tags) continue;
    const values = rows.map((row) => row[index] ?? '').filter((cell) => cell !== '');
    const name = header[index]!.trim() || `${index + 1}`;
    if (values.length > 0 && values.every((cell) => parseFlag(cell) !== null) && layout.header) tags.push({ kind: 'flag', column: index, tag: name });
    else attributes.push({ column: index, name: normalizeName(name) === '' ? `${index + 1}` : name, kind: values.length > 0 && values.every((cell) => parseNumber(cell) !== null) ? 'numeric' : 'categorical' });
  }
  return { columnCount: layout.columnCount, customerId, attributes, tags };
}
