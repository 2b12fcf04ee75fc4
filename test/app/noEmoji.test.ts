// The interface draws icons as SVG (src/app/icons.tsx), never as emoji or pictograph characters, which
// machines without an emoji font show as empty boxes (issue 17). This scans the app's components and the
// node kinds (whose icons are names) for pictographs outside comments; comments may use them freely.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..', '..');
const PICTOGRAPH = /\p{Extended_Pictographic}/gu;

/**
 * Pictographs that must stay, by file and character, each with the reason. Keep this short: an entry here
 * is a box on some user's screen.
 */
const ALLOWED: { file: string; character: string; reason: string }[] = [];

function filesUnder(folder: string, matches: (name: string) => boolean): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && matches(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

/** [start, end) of every comment in a TypeScript/TSX source, found by its parser (so `'//'` in a string is no comment). */
function commentRanges(fileName: string, text: string): [number, number][] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const ranges = new Map<number, number>();
  const collect = (position: number) => {
    for (const range of [...(ts.getLeadingCommentRanges(text, position) ?? []), ...(ts.getTrailingCommentRanges(text, position) ?? [])]) {
      ranges.set(range.pos, range.end);
    }
  };
  const visit = (node: ts.Node) => {
    // JSX text is content, not trivia: reading comment ranges inside it would hide text that looks like "// …".
    if (node.kind === ts.SyntaxKind.JsxText) return;
    collect(node.pos);
    collect(node.end);
    for (const child of node.getChildren(source)) visit(child);
  };
  visit(source);
  return [...ranges];
}

/** Every pictograph in `file` outside comments, as "file:line: character". */
function pictographsIn(file: string): { where: string; character: string }[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  if (!/\p{Extended_Pictographic}/u.test(text)) return [];
  const comments = commentRanges(file, text);
  const found: { where: string; character: string }[] = [];
  for (const match of text.matchAll(PICTOGRAPH)) {
    const at = match.index;
    if (comments.some(([start, end]) => at >= start && at < end)) continue;
    const line = text.slice(0, at).split('\n').length;
    found.push({ where: `${file}:${line}: ${match[0]}`, character: match[0] });
  }
  return found;
}

const scanned = [...filesUnder('src/app', (name) => name.endsWith('.tsx')), ...filesUnder('src/core/journey/kinds', (name) => name.endsWith('.ts'))];

describe('no emoji in the interface', () => {
  it('scans the app components and every node kind', () => {
    expect(scanned).toContain('src/app/panels/Palette.tsx');
    expect(scanned).toContain('src/core/journey/kinds/offer.ts');
    expect(scanned.length).toBeGreaterThan(50);
  });

  it('finds pictographs in code and ignores them in comments (the scanner itself works)', () => {
    const sample = `// a comment may say 🎟\nconst a = '🔗'; /* ⚠ */\nexport const B = () => <p>{/* ✉ */}⛔ go</p>;\n`;
    const comments = commentRanges('sample.tsx', sample);
    const outside = [...sample.matchAll(PICTOGRAPH)].filter((match) => !comments.some(([start, end]) => match.index >= start && match.index < end));
    expect(outside.map((match) => match[0])).toEqual(['🔗', '⛔']);
  });

  it('src/app/**/*.tsx and src/core/journey/kinds/*.ts use none outside comments, but for the allowed ones', () => {
    const found = scanned.flatMap((file) => pictographsIn(file).filter(({ character }) => !ALLOWED.some((allowed) => allowed.file === file && allowed.character === character)));
    expect(found.map(({ where }) => where)).toEqual([]);
  });

  it('every allowed entry is still needed (so the list shrinks when a file is fixed)', () => {
    for (const allowed of ALLOWED) {
      expect(pictographsIn(allowed.file).map(({ character }) => character), `${allowed.file}: ${allowed.reason}`).toContain(allowed.character);
    }
  });
});
