// Profiles and campaign history read chunk by chunk against the transactions' customer ids, each
// file's mapping guessed from its first rows (encoding, delimiter and header detected on their own:
// these files may come from other systems than the orders). Shared by the app's worker and the CLI; pure.
import { isMessage, message, type Message } from '../../i18n';
import { createCampaignReader, guessCampaignMapping, type CampaignImport } from './campaigns';
import { createDecoder } from './decode';
import { firstFailure } from './failure';
import type { Interner } from './growable';
import { emptyRejected } from './lineLists';
import { createProfileReader, guessProfileMapping, profileRejections, type ProfileImport } from './profiles';
import type { TableRow } from './records';
import { createTableReader, type TableLayout } from './table';
import { SNIFF_ROWS } from './pipeline';

export interface SideImportStream<T> {
  push(bytes: Uint8Array): void;
  finish(): T;
}

interface SideReader<T> {
  push(rows: readonly TableRow[]): void;
  finish(): T;
}

/**
 * A side file: its first SNIFF_ROWS rows are held until `start` can guess its mapping from them (a
 * message when it cannot), then every row goes to the reader `start` made. `failed` is what a file
 * that cannot be read at all finishes as.
 */
function createSideImport<T extends { problem: Message | null }>(start: (layout: TableLayout, rows: readonly (readonly string[])[]) => SideReader<T> | Message, failed: (problem: Message) => T): SideImportStream<T> {
  const decoder = createDecoder();
  const table = createTableReader({ delimiter: 'auto', header: 'auto' });
  const pending: TableRow[] = [];
  let reader: SideReader<T> | Message | null = null;
  const failure = firstFailure();
  const begin = () => {
    if (!table.layout || pending.length === 0) return;
    reader = start(table.layout, pending.map((row) => row.cells));
    if (!isMessage(reader)) reader.push(pending.splice(0));
  };
  const feed = (rows: TableRow[]) => {
    if (reader) return isMessage(reader) ? undefined : reader.push(rows);
    for (const row of rows) pending.push(row);
    if (pending.length >= SNIFF_ROWS) begin();
  };
  return {
    push(bytes) {
      failure.run(() => feed(table.push(decoder.push(bytes))));
    },
    finish() {
      failure.run(() => {
        feed(table.push(decoder.finish()));
        feed(table.finish());
        if (!reader) begin();
      });
      const done = reader as SideReader<T> | Message | null;
      if (failure.problem) return failed(failure.problem);
      if (done === null) return failed(message('core.calibration.import.file.noRows'));
      if (isMessage(done)) return failed(done);
      return done.finish();
    },
  };
}

const emptyProfiles = (problem: Message): ProfileImport => ({
  profiles: { customer: new Int32Array(0), length: 0, attributes: [], tags: [] },
  report: { rowsRead: 0, accepted: 0, rejected: Object.fromEntries(profileRejections.map((reason) => [reason, emptyRejected()])) as ProfileImport['report']['rejected'], badValues: emptyRejected(), newCustomers: 0 },
  problem,
});

export function createProfileImport(customers: Interner): SideImportStream<ProfileImport> {
  return createSideImport((layout, rows) => createProfileReader(guessProfileMapping(layout, rows), { customers }), (problem) =>
    emptyProfiles(problem.key === 'core.calibration.import.file.noRows' ? message('core.calibration.import.profiles.noneUsable', { rows: 0 }) : problem),
  );
}

/** Campaign history; a file without a channel column cannot be used (nothing says which channel a send went through). */
export function createCampaignImport(customers: Interner): SideImportStream<CampaignImport> {
  return createSideImport(
    (layout, rows) => {
      const mapping = guessCampaignMapping(layout, rows);
      return mapping ? createCampaignReader(mapping, { customers }) : message('core.calibration.import.campaigns.noChannelColumn');
    },
    (problem) => ({
      summary: { byChannel: {}, byHour: {}, byWeekday: {}, outcomesKnown: [], deliveredAssumed: true, sends: null },
      report: { rowsRead: 0, accepted: 0, rejected: {} as CampaignImport['report']['rejected'], unknownChannels: [] },
      problem,
    }),
  );
}
