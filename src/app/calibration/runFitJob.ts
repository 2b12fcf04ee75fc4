// The fitting job, wherever it runs (the worker, or this thread where there is no Worker): the files
// read in 1 MiB slices, each hashed (SHA-256, incrementally) and pushed into the core's importers with
// progress after every slice, then the fit (src/core/calibration/fitImported.ts) and, when asked, the
// population (its customer ids salted with random bytes made here and hashed). Stops between slices
// when `cancelled()` says so; the worker is simply terminated.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { getPreset, type SourceFile } from '../../core/cohort';
import { message, type Message } from '../../core/i18n';
import { createTransactionImport } from '../../core/calibration/import';
import { createCampaignImport, createProfileImport, type SideImportStream } from '../../core/calibration/import';
import { fitImported, populationOfFit } from '../../core/calibration';
import type { FitMessage, FitPhase, FitRequest } from './protocol';

export const SLICE_BYTES = 1 << 20;

/** The bytes of a Blob slice (Blob.arrayBuffer where there is one, else a Response). */
export async function sliceBytes(blob: Blob, start: number, end: number): Promise<Uint8Array> {
  const part = blob.slice(start, end);
  const buffer = typeof part.arrayBuffer === 'function' ? await part.arrayBuffer() : await new Response(part).arrayBuffer();
  return new Uint8Array(buffer);
}

/** Reads a Blob slice by slice into `push`; the SHA-256 of its bytes, or null when cancelled. */
async function readHashed(blob: Blob, push: (bytes: Uint8Array) => void, progress: (bytes: number) => void, cancelled: () => boolean): Promise<string | null> {
  const hash = sha256.create();
  for (let start = 0; start < blob.size; start += SLICE_BYTES) {
    if (cancelled()) return null;
    const bytes = await sliceBytes(blob, start, Math.min(blob.size, start + SLICE_BYTES));
    hash.update(bytes);
    push(bytes);
    progress(start + bytes.length);
  }
  return bytesToHex(hash.digest());
}

export async function runFitJob(request: FitRequest, post: (message: FitMessage) => void, cancelled: () => boolean = () => false): Promise<void> {
  const progress = (phase: FitPhase, size: number, rows: () => number) => (bytes: number) => post({ type: 'progress', phase, bytes, size, rows: rows() });
  const stream = createTransactionImport(request.settings);
  const transactionsHash = await readHashed(request.transactions, (bytes) => stream.push(bytes), progress('transactions', request.transactions.size, () => stream.progress.rows), cancelled);
  if (transactionsHash === null) return;
  const imported = stream.finish();
  const report = imported.report;
  if (imported.problem) return post({ type: 'result', importReport: report, problem: imported.problem, fit: null, cohort: null, population: null });
  const sources: SourceFile[] = [{ role: 'transactions', fileName: request.transactionsName, sha256: transactionsHash, bytes: request.transactions.size, rows: report.rowsRead, accepted: report.accepted, rejected: report.rejectedCount }];

  // A side file (profiles, campaign history): read against the transactions' customers, hashed, its
  // accounting added to the sources; undefined when cancelled, a problem's result posted when unusable.
  const side = async <T extends { problem: Message | null; report: { rowsRead: number; accepted: number } }>(
    role: 'profiles' | 'campaigns',
    chosen: { file: Blob; name: string } | null,
    stream: SideImportStream<T>,
  ): Promise<T | null | undefined> => {
    if (!chosen) return null;
    const hash = await readHashed(chosen.file, (bytes) => stream.push(bytes), progress(role, chosen.file.size, () => 0), cancelled);
    if (hash === null) return undefined;
    const read = stream.finish();
    if (read.problem) {
      post({ type: 'result', importReport: report, problem: read.problem, fit: null, cohort: null, population: null });
      return undefined;
    }
    sources.push({ role, fileName: chosen.name, sha256: hash, bytes: chosen.file.size, rows: read.report.rowsRead, accepted: read.report.accepted, rejected: read.report.rowsRead - read.report.accepted });
    return read;
  };
  const profiles = await side('profiles', request.profiles, createProfileImport(imported.customerIndex));
  if (profiles === undefined) return;
  const campaigns = await side('campaigns', request.campaigns, createCampaignImport(imported.customerIndex));
  if (campaigns === undefined) return;

  if (cancelled()) return;
  post({ type: 'progress', phase: 'fitting', bytes: request.transactions.size, size: request.transactions.size, rows: report.rowsRead });
  const preset = getPreset(request.fit.presetId);
  if (!preset) return post({ type: 'result', importReport: report, problem: message('app.calibration.unknownPreset', { preset: request.fit.presetId }), fit: null, cohort: null, population: null });
  const fitted = fitImported(imported, profiles, { calibrationEnd: request.fit.calibrationEnd, segmentBy: request.fit.segmentBy, preset, id: request.fit.id, name: request.fit.name, sources }, campaigns);
  if (fitted.problem) return post({ type: 'result', importReport: report, problem: fitted.problem, fit: null, cohort: null, population: null });
  let population = null;
  if (request.fit.population) {
    if (cancelled()) return;
    post({ type: 'progress', phase: 'population', bytes: request.transactions.size, size: request.transactions.size, rows: report.rowsRead });
    population = populationOfFit(imported, fitted, { segmentBy: request.fit.segmentBy, seed: 1, salt: request.fit.keepIds ? null : randomSalt() });
  }
  post({ type: 'result', importReport: report, problem: null, fit: fitted.report, cohort: fitted.cohort, population });
}

/** 16 random bytes in hex: the salt of the population's customer ids, never kept, so they cannot be joined back. */
function randomSalt(): string {
  return bytesToHex(crypto.getRandomValues(new Uint8Array(16)));
}
