// Journey files in and out: export as .journey.json, import (migrate + check, refuse errors), export the
// compiled XState machine, and the small browser helpers that download text or a data URL and read a
// chosen file.
import { message, type Message, joinedMessages } from '../../core/i18n';
import { CURRENT_SCHEMA_VERSION, type JourneyDocument } from '../../core/journey';
import type { Migration } from '../../core/journey';
import { defaultRegistry } from '../../core/journey';
import { checkJourney, recheckJourney } from '../../core/journey';
import { checkDocumentText } from '../../core/journey';
import { bySeverity, type Problem } from '../../core/journey';
import { compileJourneyInput } from '../../core/compile';
import { edgesDropped, importMigrated, importRefused, notJson } from './persistMessages';

export const JOURNEY_FILE_EXTENSION = '.journey.json';
export const MACHINE_FILE_EXTENSION = '.machine.json';
export const JOURNEY_MIME = 'application/json';

/**
 * A file-name-safe form of the journey's name: letters and digits of any script (so Chinese names stay
 * readable), everything else turned into single dashes; the id when nothing is left.
 */
export function journeySlug(document: Pick<JourneyDocument, 'name' | 'id'>): string {
  const slug = document.name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug || document.id;
}

export const journeyFileName = (document: Pick<JourneyDocument, 'name' | 'id'>): string => `${journeySlug(document)}${JOURNEY_FILE_EXTENSION}`;
export const machineFileName = (document: Pick<JourneyDocument, 'name' | 'id'>): string => `${journeySlug(document)}${MACHINE_FILE_EXTENSION}`;

/** The document as it is, pretty-printed, with a final newline. */
export function exportJourneyJson(document: JourneyDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

export type ReadJourneyResult =
  | {
      ok: true;
      document: JourneyDocument;
      /** What checking found, errors included (a journey in progress may have them). */
      problems: Problem[];
      /** Ids of edges that led to missing nodes or ports and were left out. */
      droppedEdges?: string[];
      /** The file's format version, when older than the current one and migrated. */
      migratedFrom?: number;
      /** Set when migrated or repaired: a note to show the user. */
      notice?: Message;
    }
  | {
      ok: false;
      problems: Problem[];
      /** "The journey was not opened: it has N errors…" (a file or a share link), to show above the problems. */
      message: Message;
    };

export interface ReadJourneyOptions {
  /** Migration steps and version range, for tests of future migrations (defaults: the real ones). */
  migrations?: readonly Migration[];
  oldest?: number;
}

function refused(problems: Problem[]): Extract<ReadJourneyResult, { ok: false }> {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  return { ok: false, problems: [...problems].sort(bySeverity), message: importRefused(Math.max(errors, 1)) };
}

/** Problems that mean the file's graph cannot be trusted at all: refused rather than repaired. */
const UNREPAIRABLE = new Set(['duplicate-id']);
/** Edges that lead nowhere are dropped on the way in (and reported), Excalidraw-restore style. */
const DROPPED_EDGES = new Set(['edge-missing-node', 'edge-unknown-port']);

/**
 * Reads a parsed value as a journey to open: migrates it and checks it. What cannot be read (not a
 * journey, unsupported version, fields that break the format, duplicate ids) is refused with every
 * problem, errors first. Edges to missing nodes or ports are dropped and reported. Other problems —
 * a journey still being built, say, with a wait that has no duration — come along to be fixed in the
 * editor. Changes nothing; opening the result is up to the caller.
 */
export function readJourney(value: unknown, options: ReadJourneyOptions = {}): ReadJourneyResult {
  // One pass through the gate: checkJourney checks nesting, size and node counts first (migrating
  // clones the value, and checking recurses into it), then migrates once, then checks the format.
  const checked = checkJourney(value, defaultRegistry, {
    ...(options.migrations ? { migrations: options.migrations } : {}),
    ...(options.oldest !== undefined ? { oldest: options.oldest } : {}),
  });
  if (!checked.document || checked.problems.some((problem) => UNREPAIRABLE.has(problem.code))) return refused(checked.problems);
  const dropped = new Set(checked.problems.flatMap((problem) => (DROPPED_EDGES.has(problem.code) && problem.location.edgeId ? [problem.location.edgeId] : [])));
  const document = dropped.size ? { ...checked.document, edges: checked.document.edges.filter((edge) => !dropped.has(edge.id)) } : checked.document;
  // The repaired document has passed the gate already: only its graph is checked again.
  const problems = dropped.size ? recheckJourney(document) : checked.problems;
  const from = checked.from ?? CURRENT_SCHEMA_VERSION;
  const notices = [
    ...(from < CURRENT_SCHEMA_VERSION ? [importMigrated(from, CURRENT_SCHEMA_VERSION)] : []),
    ...(dropped.size ? [edgesDropped([...dropped])] : []),
  ];
  return {
    ok: true,
    document,
    problems,
    ...(from < CURRENT_SCHEMA_VERSION ? { migratedFrom: from } : {}),
    ...(dropped.size ? { droppedEdges: [...dropped] } : {}),
    ...(notices.length ? { notice: message('app.persist.files.text', { notices: joinedMessages(notices, 'sentences') }) } : {}),
  };
}

/** Parses the text of a .journey.json file and reads it with readJourney(). */
export function parseJourneyFile(text: string, options: ReadJourneyOptions = {}): ReadJourneyResult {
  const tooLarge = checkDocumentText(text);
  if (tooLarge) return refused([{ severity: 'error', code: tooLarge.code, message: tooLarge.message, location: { path: tooLarge.path } }]);
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return refused([
      {
        severity: 'error',
        code: 'not-a-journey',
        message: text.trim() ? notJson(detail) : message('app.persist.files.theFileIsEmpty'),
        location: { path: [] },
      },
    ]);
  }
  return readJourney(value, options);
}

export type MachineExport = { ok: true; text: string; fileName: string } | { ok: false; problems: Problem[] };

/** The compiled XState machine config as pretty JSON, or the errors that stop compiling. */
export function exportMachineJson(document: JourneyDocument): MachineExport {
  const result = compileJourneyInput(document);
  if (!result.ok) return { ok: false, problems: result.problems };
  return { ok: true, text: `${JSON.stringify(result.config, null, 2)}\n`, fileName: machineFileName(document) };
}

// ---------------------------------------------------------------------------------------------------
// Browser helpers.

function clickDownload(fileName: string, href: string): void {
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  // Firefox only follows clicks on anchors that are in the document.
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
}

/** Offers `text` as a file download. */
export function downloadText(fileName: string, text: string, mime: string = JOURNEY_MIME): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  try {
    clickDownload(fileName, url);
  } finally {
    // Revoking at once can cancel the download in some browsers (Safari); FileSaver.js waits 40 s.
    setTimeout(() => URL.revokeObjectURL(url), 40_000);
  }
}

/** Offers a data URL (e.g. from imageExport.ts) as a file download. */
export function downloadDataUrl(fileName: string, dataUrl: string): void {
  clickDownload(fileName, dataUrl);
}

/** The text of a file the user chose (an <input type="file"> or a drop), read as UTF-8. */
export function readFileAsText(file: Blob): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the file'));
    reader.readAsText(file);
  });
}
