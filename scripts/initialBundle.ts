// The JavaScript a browser fetches before the app's first screen: the entry script the built index.html
// names and everything it imports statically (the modulepreload links, and the import statements at the
// top of each chunk, in case a link is missing), gzipped file by file as a server would send them.
// Chunks loaded by import() (the dashboard, trainer mode, the cohorts screen …) are not counted.
// One computation for the build's report (vite.config.ts) and the test that holds the limit
// (test/e2e/bundle.spec.ts).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** The most the first screen's JavaScript may weigh, gzipped, in bytes (350 kB, kB as Vite counts them). */
export const INITIAL_JS_LIMIT_BYTES = 350_000;

export interface InitialFile {
  /** Path inside the build folder, with forward slashes ("assets/index-abc123.js"). */
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface InitialBundle {
  files: InitialFile[];
  bytes: number;
  gzipBytes: number;
}

const attribute = (tag: string, name: string): string | null => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1] ?? null;

/** The scripts index.html starts with: `<script type="module" src>` and `<link rel="modulepreload" href>`, as written there. */
export function initialScriptUrls(html: string): string[] {
  const urls: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attribute(tag, 'src');
    if (src && attribute(tag, 'type') === 'module') urls.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const href = attribute(tag, 'href');
    if (href && attribute(tag, 'rel')?.toLowerCase() === 'modulepreload') urls.push(href);
  }
  return urls;
}

/**
 * The modules a chunk imports statically: the `import … from "x"` and `import "x"` statements the bundler
 * puts at its very top. Reading stops at the first statement that is not one, so an `import("x")` (loaded
 * on demand) or the text of a string is never taken for one.
 */
export function staticImports(code: string): string[] {
  const leadingImport = /^\s*import\s*(?:[^"'();]*?\bfrom\s*)?["']([^"']+)["']\s*;?/;
  const found: string[] = [];
  let rest = code.replace(/^#!.*\n/, '');
  for (let match = leadingImport.exec(rest); match; match = leadingImport.exec(rest)) {
    found.push(match[1]!);
    rest = rest.slice(match[0].length);
  }
  return found;
}

const isRemote = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//');

/**
 * Measures the first screen's JavaScript of the build in `distDir` (the folder holding index.html):
 * each file once, however many chunks import it. Throws, naming the file, when index.html names no
 * module script or a script it leads to is missing.
 */
export async function measureInitialBundle(distDir: string): Promise<InitialBundle> {
  const html = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const entries = initialScriptUrls(html);
  if (entries.length === 0) throw new Error(`${path.join(distDir, 'index.html')} loads no module script (<script type="module" src>)`);
  // Root-relative URLs ("/assets/x.js") and page-relative ones ("./assets/x.js") both start from the build folder.
  const pending = entries.filter((url) => !isRemote(url)).map((url) => path.join(distDir, url.replace(/[?#].*$/, '')));
  const files = new Map<string, InitialFile>();
  while (pending.length > 0) {
    const absolute = pending.pop()!;
    const file = path.relative(distDir, absolute).split(path.sep).join('/');
    if (files.has(file)) continue;
    let code: Buffer;
    try {
      code = await readFile(absolute);
    } catch (error) {
      throw new Error(`${file}, which index.html loads before the first screen, cannot be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    files.set(file, { file, bytes: code.length, gzipBytes: gzipSync(code).length });
    for (const specifier of staticImports(code.toString('utf8'))) {
      // Bare specifiers cannot occur in a browser build; remote ones are not the app's to count.
      if (specifier.startsWith('.')) pending.push(path.resolve(path.dirname(absolute), specifier.replace(/[?#].*$/, '')));
    }
  }
  const list = [...files.values()].sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    files: list,
    bytes: list.reduce((sum, entry) => sum + entry.bytes, 0),
    gzipBytes: list.reduce((sum, entry) => sum + entry.gzipBytes, 0),
  };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** One line: the total, gzipped and not, the file count and the limit. */
export function describeInitialBundle(bundle: InitialBundle, limit = INITIAL_JS_LIMIT_BYTES): string {
  const verdict = bundle.gzipBytes <= limit ? 'within' : 'OVER';
  return `initial JavaScript (index.html's entry and its static imports, ${bundle.files.length} files): ${kB(bundle.gzipBytes)} gzipped (${kB(bundle.bytes)} raw), ${verdict} the ${kB(limit)} limit`;
}
