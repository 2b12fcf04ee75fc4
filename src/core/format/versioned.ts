import type { z } from 'zod';
import { message as catalogMessage, type Message } from '../i18n';
import type { Problem } from '../journey/problems';

/**
 * Versioned file formats — journeys, cohorts, lessons — in one place. Each format is declared once
 * (its versions, its named migrations, the problem codes and words its refusals use), and `upgrade`
 * and `downgrade` run for all of them, so every format refuses a version it cannot read, and
 * migrates one it can, the same way.
 */

/** A document as read from a file, before its format is checked. */
export type RawDocument = Record<string, unknown>;

/**
 * One named step between two adjacent format versions, tldraw-style: `up` brings a document from
 * `from` to `from + 1`, `down` takes it back (for exporting to an older Journey Lab).
 */
export interface Migration {
  name: string;
  from: number;
  up(document: RawDocument): RawDocument;
  down(document: RawDocument): RawDocument;
}

/** How a format's refusals name the document; the sentences around these words are shared. */
export interface FormatWords {
  /** The document as a sentence's subject: "The file", "The cohort". */
  subject: Message;
  /** The words for the format's versions, whole: "cohort format version" (journeys say only "format version"). */
  formatVersion: Message;
  /** What an updated Journey Lab lets the user do with a newer document: "open it", "use it". */
  action: Message;
  /** The whole message for a value that is not a JSON object at all. */
  notAnObject: Message;
}

export interface VersionedFormat<Code extends string = string> {
  /** What the format is called in developers' errors: "journey", "cohort", "lesson". */
  name: string;
  /** The version this build writes and checks. */
  current: number;
  /** The oldest version this build still reads (migrated up to `current`). */
  oldest: number;
  /** One named step per version from `oldest` up to `current`. */
  migrations: readonly Migration[];
  /**
   * The problem code for each way a document is refused. The formats grew their own codes before they
   * shared this module; tools and docs key on them, so each keeps its own.
   */
  codes: { notAnObject: Code; missingVersion: Code; unsupportedVersion: Code; newerVersion: Code };
  words: FormatWords;
  /**
   * The zod schema a document of the current version must match; its input form is published as the
   * format's JSON Schema (`jsonSchemaOf`). A function because each format's schema module imports the
   * format's version constants, so the schema may not exist yet when the declaration is made.
   */
  schema: () => z.ZodType;
  /** How the published JSON Schema presents the format to editors and tools (English, like the rest of it). */
  describedAs: { title: string; description: string };
}

/** Versions and steps other than a format's real ones, for tests of future migrations. */
export type FormatOverrides = Partial<Pick<VersionedFormat, 'migrations' | 'current' | 'oldest'>>;

export type MigrationResult =
  | { ok: true; document: RawDocument; from: number; applied: string[] }
  | { ok: false; problem: Problem };

const isPlainObject = (value: unknown): value is RawDocument => typeof value === 'object' && value !== null && !Array.isArray(value);

/** "1–2", or just "2" when a build reads one version. */
const supportedVersions = (format: VersionedFormat): string => (format.oldest === format.current ? `${format.current}` : `${format.oldest}–${format.current}`);

function refuse(code: string, message: Message, path: (string | number)[]): MigrationResult {
  return { ok: false, problem: { severity: 'error', code, message, location: { path } } };
}

/** Why `version` cannot be read, when it cannot: missing, not a supported version, or newer than this build. */
function versionProblem(format: VersionedFormat, version: unknown): MigrationResult | null {
  const { words, codes } = format;
  const supported = supportedVersions(format);
  if (version === undefined)
    return refuse(
      codes.missingVersion,
      catalogMessage('core.format.versioned.hasNoSchemaversionThisJourney', { subject: words.subject, formatVersion: words.formatVersion, supported }),
      ['schemaVersion'],
    );
  const found = JSON.stringify(version);
  const isVersion = typeof version === 'number' && Number.isInteger(version);
  if (isVersion && version > format.current)
    return refuse(
      codes.newerVersion,
      catalogMessage('core.format.versioned.isFormatVersionNewerThan', { subject: words.subject, found, choice: String(format.oldest === format.current), supported, action: words.action }),
      ['schemaVersion'],
    );
  if (!isVersion || version < format.oldest)
    return refuse(
      codes.unsupportedVersion,
      catalogMessage('core.format.versioned.isFormatVersionNotOne', { subject: words.subject, found, supported }),
      ['schemaVersion'],
    );
  return null;
}

/**
 * Brings a document of any supported older version up to the format's current one, step by named
 * step. A newer, unknown or missing version is refused naming the version found and the versions
 * supported, in both languages; the input is never modified.
 */
export function upgrade(format: VersionedFormat, input: unknown): MigrationResult {
  if (!isPlainObject(input)) return refuse(format.codes.notAnObject, format.words.notAnObject, []);
  const version = input.schemaVersion;
  const refused = versionProblem(format, version);
  if (refused) return refused;
  const from = version as number;
  let document: RawDocument = structuredClone(input);
  const applied: string[] = [];
  for (let at = from; at < format.current; at++) {
    const step = format.migrations.find((migration) => migration.from === at);
    // A gap in the chain is this build's fault, but the user still gets a message, not a crash.
    if (!step)
      return refuse(
        format.codes.unsupportedVersion,
        catalogMessage('core.format.versioned.noMigrationFromToThis', { formatVersion: format.words.formatVersion, at, next: at + 1, supported: supportedVersions(format) }),
        ['schemaVersion'],
      );
    document = { ...step.up(document), schemaVersion: at + 1 };
    applied.push(step.name);
  }
  return { ok: true, document, from, applied };
}

/**
 * Takes a current document down to an older version, for a Journey Lab that only reads that one. The
 * document is this build's own (already checked), so a missing step is a programming error: it throws.
 */
export function downgrade(format: VersionedFormat, document: RawDocument, to: number): RawDocument {
  let result = structuredClone(document);
  for (let at = Number(result.schemaVersion); at > to; at--) {
    const step = format.migrations.find((migration) => migration.from === at - 1);
    if (!step) throw new Error(`No ${format.name} migration between format versions ${at - 1} and ${at}`);
    result = { ...step.down(result), schemaVersion: at - 1 };
  }
  return result;
}
