import { closeSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { formatLocation, type Problem } from '../core/journey';
import { cliText, isFileErrorCode, say, type CliLanguage } from './i18n';
import { checkDocumentText } from '../core/journey';

/** What the commands run against: their I/O (made safe for a terminal), files, exit statuses and usage errors. */

/** Exit statuses, as documented in the usage text. */
export const EXIT = { ok: 0, problems: 1, usage: 2, unreadable: 2, unwritable: 2, failed: 2 } as const;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
  /**
   * A file's bytes in chunks, read as they are consumed (customer data files of hundreds of MB are
   * never held whole), with its size for progress; `readFile` encoded as UTF-8 when left out.
   */
  readBytes?(path: string): { size: number; chunks: Iterable<Uint8Array> };
  writeFile(path: string, text: string): void;
  env: Record<string, string | undefined>;
  version: string;
  /** Whether standard error is a terminal (a progress bar is drawn there only then); false when left out. */
  stderrIsTTY?: boolean;
  /** Width of that terminal in columns. */
  stderrColumns?: number;
  /** A monotonic clock in milliseconds, for throttling progress (performance.now when left out). */
  now?: () => number;
  /**
   * Standard error as it is, for the progress bar's carriage return and erase-line, whose text the CLI
   * builds itself; everything else goes through `stderr`, which escapes control characters (see
   * terminalSafeIo). `stderr` when left out.
   */
  stderrControl?: (text: string) => void;
}

/**
 * Characters a terminal acts on instead of showing them: C0 controls but tab and line feed (ESC starts
 * colour, cursor, title and clipboard sequences; CR overwrites a line; BS erases), DEL, C1 controls
 * (U+009B is a one-character CSI), and the marks, embeddings, overrides and isolates that reorder what
 * is shown (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), plus U+2028/U+2029.
 * Tab and line feed stay: the CLI's own output uses them, and they cannot rewrite the screen.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const escapeCharacter = (character: string) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * Text made safe to print to a terminal: every control character above is written as `\uXXXX`.
 * Escaped rather than dropped, so a label shows what it holds; and `\uXXXX` is how JSON spells these
 * characters, so `--json` output stays valid JSON that decodes to the very same strings
 * (JSON.stringify already writes C0 controls that way inside strings; DEL, C1 and the bidi characters
 * it leaves raw, and their escaped form means the same; none occurs outside a string).
 */
export const terminalSafe = (text: string): string => text.replace(TERMINAL_CONTROLS, escapeCharacter);

/**
 * A text from a journey or a cohort (a label, a name, a message quoting one) as part of one line of
 * output: line feeds and tabs escaped too, so it can neither forge a line nor break a table's columns.
 */
export const oneLine = (text: string): string => terminalSafe(text).replace(/[\t\n]/g, escapeCharacter);

/**
 * The io the commands get: what they print on stdout and stderr passes through terminalSafe. main
 * applies it to whatever io it is given, so no command, message or code path can print a journey's
 * text raw. Files written with writeFile are data, not terminal output, and are written as they are.
 */
export const terminalSafeIo = (io: CliIo): CliIo => ({
  ...io,
  stdout: (text) => io.stdout(terminalSafe(text)),
  stderr: (text) => io.stderr(terminalSafe(text)),
  stderrControl: io.stderrControl ?? io.stderr,
});

/** Chunks of 1 MiB read synchronously as the consumer asks for them; standard input for "-". */
function* fileChunks(path: string): Generator<Uint8Array> {
  const descriptor = path === '-' ? 0 : openSync(path, 'r');
  try {
    for (;;) {
      const buffer = new Uint8Array(1 << 20);
      const length = readSync(descriptor, buffer, 0, buffer.length, null);
      if (length === 0) return;
      yield buffer.subarray(0, length);
    }
  } finally {
    if (descriptor !== 0) closeSync(descriptor);
  }
}

export const nodeIo = (version: string): CliIo => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path === '-' ? 0 : path, 'utf8'),
  readBytes: (path) => ({ size: path === '-' ? 0 : statSync(path).size, chunks: fileChunks(path) }),
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

export const formatProblem = (problem: Problem, lang: CliLanguage) =>
  oneLine(`${problem.severity.toUpperCase()} ${problem.code} ${say(formatLocation(problem.location), lang)}: ${say(problem.message, lang)}`);

export type Loaded = { ok: true; json: unknown } | { ok: false; message: string };

export function loadJson(file: string, io: CliIo, lang: CliLanguage): Loaded {
  const text = cliText(lang);
  let source: string;
  try {
    source = io.readFile(file);
  } catch (error) {
    return { ok: false, message: text('cannotRead', { file, reason: fileErrorReason(error, lang) }) };
  }
  // Refused before JSON.parse: the limit on a document's size (src/core/journey/limits.ts).
  const tooLarge = checkDocumentText(source);
  if (tooLarge) return { ok: false, message: text('cannotRead', { file, reason: say(tooLarge.message, lang) }) };
  try {
    return { ok: true, json: JSON.parse(source.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    return { ok: false, message: text('notJson', { file, reason: error instanceof Error ? error.message : String(error) }) };
  }
}

/** Why reading or writing a file failed, in the user's language where Node's error code is known. */
export function fileErrorReason(error: unknown, lang: CliLanguage, writing = false): string {
  const text = cliText(lang);
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  if (writing && code === 'ENOENT') return text('missingDirectory');
  if (isFileErrorCode(code)) return text(`fileErrors.${code}`);
  return error instanceof Error ? error.message.replace(/^[A-Z]+: /, '') : String(error);
}

/** Writes a file; when it cannot, says so in one line (naming the file and why) and returns false. */
export function writeFileOrSay(file: string, contents: string, io: CliIo, lang: CliLanguage): boolean {
  try {
    io.writeFile(file, contents);
    return true;
  } catch (error) {
    io.stderr(`${cliText(lang)('cannotWrite', { file, reason: fileErrorReason(error, lang, true) })}\n`);
    return false;
  }
}

/** Problem codes that mean the file is not a journey this version can read (exit 2, not 1). */
export const VERSION_CODES = new Set(['unsupported-version', 'not-a-journey']);

/** The one file argument; `usage` is the command's own usage text, printed with the error. */
export function single(positionals: string[], lang: CliLanguage, usage?: string): string {
  if (positionals.length === 0) throw new UsageError(cliText(lang)('missingFile'), usage);
  if (positionals.length > 1) throw new UsageError(cliText(lang)('tooManyArguments'), usage);
  return positionals[0]!;
}
