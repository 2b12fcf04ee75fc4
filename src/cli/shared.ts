import { readFileSync, writeFileSync } from 'node:fs';
import type { Lang } from '../core/i18n';
import { formatLocation, type Problem } from '../core/journey/problems';
import type { CliMessages } from './messages';

/** What the commands share: the I/O they run against, exit statuses, usage errors and reading JSON files. */

/** Exit statuses, as documented in the usage text. */
export const EXIT = { ok: 0, problems: 1, usage: 2, unreadable: 2 } as const;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  env: Record<string, string | undefined>;
  version: string;
  /** Whether standard error is a terminal (a progress bar is drawn there only then); false when left out. */
  stderrIsTTY?: boolean;
  /** Width of that terminal in columns. */
  stderrColumns?: number;
  /** A monotonic clock in milliseconds, for throttling progress (performance.now when left out). */
  now?: () => number;
}

export const nodeIo = (version: string): CliIo => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path === '-' ? 0 : path, 'utf8'),
  writeFile: (path, text) => writeFileSync(path, text),
  env: process.env,
  version,
  stderrIsTTY: process.stderr.isTTY === true,
  stderrColumns: process.stderr.columns,
});

/** Bad arguments: the message and a usage are printed and the exit status is 2. */
export class UsageError extends Error {
  /** The command's own usage, printed instead of the general one. */
  constructor(
    message: string,
    readonly usage?: string,
  ) {
    super(message);
  }
}

export const formatProblem = (problem: Problem, lang: Lang) =>
  `${problem.severity.toUpperCase()} ${problem.code} ${formatLocation(problem.location, lang)}: ${problem.message[lang]}`;

export type Loaded = { ok: true; json: unknown } | { ok: false; message: string };

export function loadJson(file: string, io: CliIo, text: CliMessages): Loaded {
  let source: string;
  try {
    source = io.readFile(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^[A-Z]+: /, '') : String(error);
    return { ok: false, message: text.cannotRead(file, reason) };
  }
  try {
    return { ok: true, json: JSON.parse(source.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    return { ok: false, message: text.notJson(file, error instanceof Error ? error.message : String(error)) };
  }
}

/** Problem codes that mean the file is not a journey this version can read (exit 2, not 1). */
export const VERSION_CODES = new Set(['unsupported-version', 'not-a-journey']);

/** The one file argument; `usage` is the command's own usage text, printed with the error. */
export function single(positionals: string[], text: CliMessages, usage?: string): string {
  if (positionals.length === 0) throw new UsageError(text.missingFile, usage);
  if (positionals.length > 1) throw new UsageError(text.tooManyArguments, usage);
  return positionals[0]!;
}
