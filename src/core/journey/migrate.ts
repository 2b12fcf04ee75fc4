import { localized } from '../i18n';
import { CURRENT_SCHEMA_VERSION } from './schema';
import type { Problem, ProblemDefinition } from './problems';

type RawDocument = Record<string, unknown>;

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

/** v1 → v2: SMART goals became part of the journey (before, they were kept only while the app was open). */
export const AddGoals: Migration = {
  name: 'AddGoals',
  from: 1,
  // Goals a hand-written v1 file already has are kept, for the format check to judge, not dropped.
  up: (document) => ({ goals: [], ...document }),
  // Version 1 has no place for goals: an export for an older Journey Lab leaves them out.
  down: ({ goals: _goals, ...document }) => document,
};

/** One named step per format version, oldest first. */
export const migrations: readonly Migration[] = [AddGoals];

export const OLDEST_SCHEMA_VERSION = 1;

export const migrationProblems = {
  'not-a-journey': {
    severity: 'error',
    title: localized('Not a journey document', '不是旅程文件'),
    fix: localized('Open a .journey.json file exported by Journey Lab (a JSON object with a schemaVersion).', '请打开 Journey Lab 导出的 .journey.json 文件（包含 schemaVersion 的 JSON 对象）。'),
  },
  'unsupported-version': {
    severity: 'error',
    title: localized('Unsupported format version', '不支持的文件格式版本'),
    fix: localized(
      'A newer version needs a newer Journey Lab: update it. Any other version is not a Journey Lab format: export the journey again from the tool that made it.',
      '更新的版本需要更新的 Journey Lab：请升级。其他版本不是 Journey Lab 的格式：请在生成它的工具中重新导出。',
    ),
  },
} satisfies Record<string, ProblemDefinition>;

export type MigrationResult =
  | { ok: true; document: RawDocument; from: number; applied: string[] }
  | { ok: false; problem: Problem };

const refuse = (code: keyof typeof migrationProblems, en: string, zh: string, path: (string | number)[] = []): MigrationResult => ({
  ok: false,
  problem: { severity: 'error', code, message: localized(en, zh), location: { path } },
});

/**
 * Brings a document of any supported older version up to the current one. A newer, unknown or missing
 * version is refused with a message naming the version found and the version supported; the input is
 * never modified.
 */
export function migrate(
  input: unknown,
  options: { migrations?: readonly Migration[]; current?: number; oldest?: number } = {},
): MigrationResult {
  const steps = options.migrations ?? migrations;
  const current = options.current ?? CURRENT_SCHEMA_VERSION;
  const oldest = options.oldest ?? OLDEST_SCHEMA_VERSION;
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return refuse('not-a-journey', 'The file is not a journey: expected a JSON object.', '该文件不是旅程：应为 JSON 对象。');
  const version = (input as RawDocument).schemaVersion;
  if (version === undefined)
    return refuse(
      'not-a-journey',
      `The file has no schemaVersion; this Journey Lab reads format versions ${oldest}–${current}.`,
      `文件缺少 schemaVersion；本版 Journey Lab 支持的格式版本为 ${oldest}–${current}。`,
      ['schemaVersion'],
    );
  if (typeof version !== 'number' || !Number.isInteger(version) || version < oldest || version > current) {
    const found = JSON.stringify(version);
    const newer = typeof version === 'number' && version > current;
    return refuse(
      'unsupported-version',
      `The file is format version ${found}${newer ? ', newer than' : ', not one of'} the versions this Journey Lab supports (${oldest}–${current}).${newer ? ' Update Journey Lab to open it.' : ''}`,
      `文件格式版本为 ${found}，${newer ? '比本版 Journey Lab 支持的版本新' : '不在本版 Journey Lab 支持的范围内'}（${oldest}–${current}）。${newer ? '请升级 Journey Lab 后再打开。' : ''}`,
      ['schemaVersion'],
    );
  }
  const result = migrateSteps(input as RawDocument, version, current, steps);
  if (!result.ok)
    return refuse(
      'unsupported-version',
      `No migration from format version ${result.missing} to ${result.missing + 1}; this Journey Lab supports ${oldest}–${current}.`,
      `缺少从格式版本 ${result.missing} 到 ${result.missing + 1} 的迁移；本版 Journey Lab 支持 ${oldest}–${current}。`,
      ['schemaVersion'],
    );
  return { ok: true, document: result.document, from: version, applied: result.applied };
}

/**
 * Runs the `up` steps that take a copy of `input` from version `from` to `to` (journeys and cohorts
 * alike); reports the version with no step when one is missing. The input is never modified.
 */
export function migrateSteps(
  input: RawDocument,
  from: number,
  to: number,
  steps: readonly Migration[],
): { ok: true; document: RawDocument; applied: string[] } | { ok: false; missing: number } {
  let document: RawDocument = structuredClone(input);
  const applied: string[] = [];
  for (let at = from; at < to; at++) {
    const step = steps.find((migration) => migration.from === at);
    if (!step) return { ok: false, missing: at };
    document = { ...step.up(document), schemaVersion: at + 1 };
    applied.push(step.name);
  }
  return { ok: true, document, applied };
}

/** Takes a current document down to an older version, for tools that only read that one. */
export function migrateDown(document: RawDocument, to: number, steps: readonly Migration[] = migrations, kind = 'migration'): RawDocument {
  let result = structuredClone(document);
  for (let at = Number(result.schemaVersion); at > to; at--) {
    const step = steps.find((migration) => migration.from === at - 1);
    if (!step) throw new Error(`No ${kind} between format versions ${at - 1} and ${at}`);
    result = { ...step.down(result), schemaVersion: at - 1 };
  }
  return result;
}
