import type { z } from 'zod';
import { localized, type Localized } from '../i18n';
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
  subject: Localized;
  /** The format's name before "format version" ("cohort format version"); journeys' English messages say only "format version". */
  formatName: Localized;
  /** What an updated Journey Lab lets the user do with a newer document: "open it", "use it". */
  action: Localized;
  /** The whole message for a value that is not a JSON object at all. */
  notAnObject: Localized;
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

/** "cohort format version" in English; journeys say only "format version". */
const formatVersion = (format: VersionedFormat): string => `${format.words.formatName.en ? `${format.words.formatName.en} ` : ''}format version`;

function refuse(code: string, message: Localized, path: (string | number)[]): MigrationResult {
  return { ok: false, problem: { severity: 'error', code, message, location: { path } } };
}

/** Why `version` cannot be read, when it cannot: missing, not a supported version, or newer than this build. */
function versionProblem(format: VersionedFormat, version: unknown): MigrationResult | null {
  const { words, codes } = format;
  const supported = supportedVersions(format);
  if (version === undefined)
    return refuse(
      codes.missingVersion,
      localized(
        `${words.subject.en} has no schemaVersion; this Journey Lab reads ${formatVersion(format)}s ${supported}.`,
        `${words.subject['zh-CN']}缺少 schemaVersion；本版 Journey Lab 支持的${words.formatName['zh-CN']}格式版本为 ${supported}。`,
      ),
      ['schemaVersion'],
    );
  const found = JSON.stringify(version);
  const isVersion = typeof version === 'number' && Number.isInteger(version);
  if (isVersion && version > format.current)
    return refuse(
      codes.newerVersion,
      localized(
        `${words.subject.en} is format version ${found}, newer than the ${format.oldest === format.current ? 'version' : 'versions'} this Journey Lab supports (${supported}). Update Journey Lab to ${words.action.en}.`,
        `${words.formatName['zh-CN']}格式版本为 ${found}，比本版 Journey Lab 支持的版本新（${supported}）。请升级 Journey Lab 后再${words.action['zh-CN']}。`,
      ),
      ['schemaVersion'],
    );
  if (!isVersion || version < format.oldest)
    return refuse(
      codes.unsupportedVersion,
      localized(
        `${words.subject.en} is format version ${found}, not one of the versions this Journey Lab supports (${supported}).`,
        `${words.formatName['zh-CN']}格式版本为 ${found}，不在本版 Journey Lab 支持的范围内（${supported}）。`,
      ),
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
        localized(
          `No migration from ${formatVersion(format)} ${at} to ${at + 1}; this Journey Lab supports ${supportedVersions(format)}.`,
          `缺少从${format.words.formatName['zh-CN']}格式版本 ${at} 到 ${at + 1} 的迁移；本版 Journey Lab 支持 ${supportedVersions(format)}。`,
        ),
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
