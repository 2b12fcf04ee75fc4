// The JavaScript the built app fetches before its first screen (issue 17): index.html's entry script and
// everything it imports statically, gzipped, at most 350 kB; the heavy features (auto-layout's ELK, the
// dashboard's ECharts, picture export, trainer mode, the cohorts, lessons and glossary screens) load on
// demand and stay out of it, and work when used (the one test here with a page). Reads dist/ (the build
// must exist: `npm run test:e2e` builds first). The measure is scripts/initialBundle.ts, the same the
// build reports with.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describeInitialBundle, INITIAL_JS_LIMIT_BYTES, measureInitialBundle } from '../../scripts/initialBundle.ts';
import { expect, test } from './fixtures';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');

/** Chunks named after the module that starts them (Vite's default naming), each loaded only when used. */
const ON_DEMAND = ['elk.bundled', 'echartsRenderer', 'Dashboard', 'imageExport', 'TrainerWorkspace', 'CohortsScreen', 'LessonsScreen', 'GlossaryScreen'];

const chunkName = (file: string) => path.basename(file).replace(/-[\w-]{8}\.js$/, '');

test('the first screen loads at most 350 kB of JavaScript, gzipped', async () => {
  const initial = await measureInitialBundle(DIST);
  const listing = initial.files.map((file) => `${file.file}: ${(file.gzipBytes / 1000).toFixed(1)} kB`).join('\n');
  expect(initial.gzipBytes, `${describeInitialBundle(initial)}\n${listing}`).toBeLessThanOrEqual(INITIAL_JS_LIMIT_BYTES);
});

test('the features loaded on demand are built as chunks of their own, outside the first screen', async () => {
  const initial = new Set((await measureInitialBundle(DIST)).files.map((file) => chunkName(file.file)));
  const built = new Set((await readdir(path.join(DIST, 'assets'))).filter((name) => name.endsWith('.js')).map(chunkName));
  for (const feature of ON_DEMAND) {
    expect(built.has(feature), `dist/assets has no ${feature}-*.js chunk: is it imported statically somewhere?`).toBe(true);
    expect(initial.has(feature), `${feature} is loaded before the first screen`).toBe(false);
  }
});

test('each part loaded on demand is fetched when first used, and works', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') fetched.push(chunkName(new URL(request.url()).pathname));
  });
  const onDemandFetched = () => fetched.filter((name) => ON_DEMAND.includes(name));

  await test.step('the journeys list and a journey in the editor fetch none of them', async () => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Use template: Churn win-back by cause, with a holdout' }).click();
    await page.locator('.react-flow__node[data-id="holdoutSplit"]').waitFor();
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    expect(onDemandFetched()).toEqual([]);
  });

  await test.step('auto-layout, the Simulate panel and a picture export', async () => {
    await page.getByRole('button', { name: /Auto-layout/ }).click();
    await expect.poll(onDemandFetched).toContain('elk.bundled');
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await page.getByRole('button', { name: /Simulate/ }).click();
    await page.getByRole('dialog', { name: 'Simulate this journey' }).getByRole('spinbutton', { name: /Users/ }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /Export/ }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Picture (PNG)' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.png$/);
    expect(onDemandFetched()).toContain('imageExport');
  });

  await test.step('trainer mode', async () => {
    await page.getByRole('button', { name: 'Trainer mode' }).click();
    await page.getByRole('tablist', { name: 'Trainer panels' }).waitFor();
    expect(onDemandFetched()).toContain('TrainerWorkspace');
  });

  await test.step('the cohorts, lessons and glossary screens', async () => {
    for (const [hash, heading, chunk] of [
      ['#/cohorts', 'Cohorts', 'CohortsScreen'],
      ['#/learn', 'Lessons', 'LessonsScreen'],
      ['#/glossary', 'Glossary', 'GlossaryScreen'],
    ] as const) {
      await page.goto(`/${hash}`);
      await page.getByRole('heading', { level: 2, name: heading, exact: true }).waitFor();
      expect(onDemandFetched()).toContain(chunk);
    }
  });
});

test('the measure follows static imports and modulepreload links, not import()', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'initial-bundle-'));
  try {
    const files: Record<string, string> = {
      'index.html':
        '<!doctype html><html><head><script type="module" crossorigin src="/assets/entry.js"></script>' +
        '<link rel="modulepreload" crossorigin href="/assets/preloaded.js"><link rel="stylesheet" href="/assets/style.css"></head></html>',
      'assets/entry.js': 'import{a as b}from"./shared.js";import"./side.js";const lazy=()=>import("./lazy.js");console.log(b,lazy,"import \\"./inString.js\\"");',
      'assets/shared.js': 'export const a=1;',
      'assets/side.js': 'import{a}from"./shared.js";console.log(a);',
      'assets/preloaded.js': 'export const p=2;',
      'assets/lazy.js': 'export const l="never counted";'.repeat(100),
      'assets/inString.js': 'export const s=3;',
      'assets/style.css': 'body{color:red}',
    };
    await mkdir(path.join(dir, 'assets'));
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
    const measured = await measureInitialBundle(dir);
    const counted = ['assets/entry.js', 'assets/preloaded.js', 'assets/shared.js', 'assets/side.js'];
    expect(measured.files.map((file) => file.file).sort()).toEqual(counted);
    expect(measured.gzipBytes).toBe(counted.reduce((sum, name) => sum + gzipSync(files[name]!).length, 0));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
