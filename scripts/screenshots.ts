// Retakes the README's screenshots (docs/images/*.png) from a built app, so they show what the app does now.
//
//   npx vite build && npx tsx scripts/screenshots.ts [--dist DIR] [--out DIR] [--only NAME,NAME]
//
//   --dist DIR   the built app to serve (default dist/); served by Vite's preview server on a free port
//   --out DIR    where the images go (default docs/images)
//   --only LIST  only these images (names without .png, comma-separated); the steps before them still run
//
// Each image is taken in headless Chromium (test/support/browser.mjs: CHROME_PATH or the usual places) at
// 1440×900 (the editor 1440×860, as the README has them), in a fresh browser profile per scene, with the
// elements found by role and accessible name as the end-to-end tests find them. Chinese scenes set
// localStorage 'journey-lab.lang' before the app starts. A dashboard section is cropped to its section;
// the rest are the viewport.
//
// The fit-*.png images are not made here: the calibration end-to-end test takes them, in both languages
// and widths (FIT_SCREENSHOTS=docs/images FIT_WIDTH=1024 FIT_LANG=zh-CN npx playwright test calibration,
// see test/e2e/calibration.spec.ts).
//
// An image is written to a temporary file and renamed, so a failed step never leaves half an image. The
// script exits with status 1 naming every image it could not make, and 2 for bad arguments.
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { preview } from 'vite';
import { BROWSER_ARGS, NO_BROWSER_MESSAGE, findBrowser } from '../test/support/browser.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WIDTH = 1440;
const HEIGHT = 900;
const EDITOR_HEIGHT = 860;
const LONG_RUN_MS = 120_000;

type Lang = 'en' | 'zh-CN';

interface Shooter {
  page: Page;
  /** Takes image `name` of `target` (the viewport when none), if it was asked for. */
  shoot: (name: string, target?: Locator) => Promise<void>;
}

interface Scene {
  /** The images it makes, in the order it makes them. */
  images: string[];
  lang: Lang;
  height: number;
  run: (shooter: Shooter) => Promise<void>;
}

const CART = { en: 'Use template: Cart abandonment: reminder, then coupon', zh: '使用模板: 加购未下单：先提醒，再发券' };
const WIN_BACK = 'Use template: Churn win-back by cause, with a holdout';

const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

async function openTemplate(page: Page, button: string, nodeId: string) {
  await page.goto('/');
  await page.getByRole('button', { name: button }).click();
  await node(page, nodeId).waitFor();
}

async function selectNode(page: Page, id: string) {
  await node(page, id).click({ position: { x: 60, y: 12 } });
  await page.locator(`.react-flow__node.selected[data-id="${id}"]`).waitFor();
}

/** Opens the Simulate panel, runs `users` users of `cohort` (the panel's default when none) with seed 1. */
async function simulate(page: Page, users: number, cohort?: string) {
  const panel = page.getByRole('dialog', { name: 'Simulate this journey' });
  if (!(await panel.isVisible())) await page.getByRole('toolbar', { name: 'Journey tools' }).getByRole('button', { name: /Simulate/ }).click();
  await panel.waitFor();
  if (cohort) await panel.getByRole('combobox', { name: 'Cohort' }).selectOption({ label: cohort });
  await panel.getByRole('spinbutton', { name: /Users/ }).fill(String(users));
  await panel.getByRole('spinbutton', { name: /Seed/ }).fill('1');
  await panel.getByRole('button', { name: /Run/ }).click();
  const results = panel.getByRole('region', { name: 'Results' });
  await results.getByText(`${users.toLocaleString('en-US')} users · seed 1`, { exact: false }).waitFor({ timeout: LONG_RUN_MS });
  return { panel, results };
}

/** Waits until every chart of the dashboard is drawn, and a moment for the last frame to settle. */
async function chartsDrawn(page: Page, scope: Locator) {
  await page.waitForFunction(
    (element) => {
      const canvases = [...(element as Element).querySelectorAll('.dashboard-chart__canvas')];
      return canvases.length > 0 && canvases.every((canvas) => canvas.getAttribute('data-phase') === 'ready');
    },
    await scope.elementHandle(),
    { timeout: 30_000 },
  );
  await page.waitForTimeout(400);
}

/** Scrolls the section around `target` near the top of its scrolling container (the dashboard dialog). */
async function scrollSectionToTop(target: Locator) {
  await target.evaluate((element) => {
    const section = element.closest('section') ?? element;
    section.scrollIntoView({ block: 'start' });
    let scroller = section.parentElement;
    while (scroller && scroller.scrollHeight <= scroller.clientHeight) scroller = scroller.parentElement;
    scroller?.scrollBy(0, -40);
  });
}

async function saveScenario(dashboard: Locator, name: string) {
  const scenarios = dashboard.getByRole('region', { name: 'Scenarios' });
  await scenarios.getByRole('textbox', { name: 'Scenario name' }).fill(name);
  await scenarios.getByRole('button', { name: 'Save as scenario' }).click();
  await scenarios.getByText(`Saved scenario “${name}”.`).waitFor();
  return scenarios;
}

/** Picks the option of `select` whose text matches `label`. */
async function selectMatching(select: Locator, label: RegExp) {
  const options = await select.locator('option').allTextContents();
  const found = options.find((text) => label.test(text));
  if (!found) throw new Error(`no option matching ${label} among ${JSON.stringify(options)}`);
  await select.selectOption({ label: found });
}

const scenes: Scene[] = [
  {
    images: ['editor'],
    lang: 'en',
    height: EDITOR_HEIGHT,
    async run({ page, shoot }) {
      await openTemplate(page, CART.en, 'coupon');
      await selectNode(page, 'coupon');
      await page.getByRole('textbox', { name: 'Label' }).waitFor();
      await shoot('editor');
    },
  },
  {
    images: ['editor-zh'],
    lang: 'zh-CN',
    height: EDITOR_HEIGHT,
    async run({ page, shoot }) {
      await openTemplate(page, CART.zh, 'wait24');
      await selectNode(page, 'wait24');
      await shoot('editor-zh');
    },
  },
  {
    images: ['simulate', 'dashboard', 'dashboard-hours'],
    lang: 'en',
    height: HEIGHT,
    async run({ page, shoot }) {
      await openTemplate(page, CART.en, 'coupon');
      const { results } = await simulate(page, 20_000);
      await page.locator('.react-flow__node .simulation-badge').first().waitFor();
      await shoot('simulate');
      await results.getByRole('button', { name: 'Open dashboard' }).click();
      const dashboard = page.getByRole('dialog', { name: /^Dashboard: / });
      await dashboard.waitFor();
      await chartsDrawn(page, dashboard);
      // The close button has the focus on opening; its ring is not part of the picture.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await shoot('dashboard');
      await scrollSectionToTop(dashboard.getByRole('img', { name: /^Cumulative incremental conversions and revenue/ }));
      await dashboard.getByRole('region', { name: 'Sends by hour of day' }).getByRole('img').locator('svg').first().waitFor();
      await page.waitForTimeout(300);
      await shoot('dashboard-hours');
    },
  },
  {
    images: ['cohort-editor'],
    lang: 'en',
    height: HEIGHT,
    async run({ page, shoot }) {
      await page.goto('/');
      await page.getByRole('link', { name: 'Cohorts' }).click();
      await page.getByRole('button', { name: 'Copy preset: E-commerce shoppers' }).click();
      await page.getByRole('textbox', { name: 'Cohort name' }).fill('Spring shoppers');
      // One share raised by 35 points: the shares add up to 135 %.
      const share = page.getByRole('region', { name: /^Segment / }).first().getByRole('textbox', { name: 'Share (%)' });
      const before = Number((await share.inputValue()).replace(',', '.'));
      if (!Number.isFinite(before)) throw new Error(`the first segment's share is not a number: ${await share.inputValue()}`);
      await share.fill(String(before + 35));
      const total = page.locator('.cohort-total');
      await total.getByText(/add up to 135 %/).waitFor();
      await share.blur();
      // The Segments heading just under the app's sticky header, the total and the segment tabs below it.
      await page.getByRole('heading', { name: 'Segments' }).first().evaluate((element) => {
        element.scrollIntoView({ block: 'start' });
        window.scrollBy(0, -90);
      });
      await shoot('cohort-editor');
    },
  },
  {
    images: ['variants', 'flow', 'goals', 'scenarios', 'sensitivity'],
    lang: 'en',
    height: HEIGHT,
    async run({ page, shoot }) {
      const dashboard = page.getByRole('dialog', { name: /^Dashboard: / });
      await openTemplate(page, WIN_BACK, 'holdoutSplit');
      let { results } = await simulate(page, 100_000, 'E-commerce shoppers');
      await results.getByRole('button', { name: 'Open dashboard' }).click();
      await saveScenario(dashboard, 'E-commerce preset');
      await page.keyboard.press('Escape');
      await dashboard.waitFor({ state: 'detached' });

      // A copy of the preset with one segment's share changed, for the second scenario.
      await page.getByRole('toolbar', { name: 'Journey tools' }).getByRole('button', { name: /Journeys/ }).click();
      await page.getByRole('link', { name: 'Cohorts' }).click();
      await page.getByRole('button', { name: 'Copy preset: E-commerce shoppers' }).click();
      await page.getByRole('textbox', { name: 'Cohort name' }).fill('Spring shoppers');
      await page.getByRole('region', { name: /^Segment / }).first().getByRole('textbox', { name: 'Share (%)' }).fill('60');
      await page.getByRole('button', { name: 'Normalise to 100 %' }).click();
      await page.getByRole('button', { name: 'Save cohort' }).click();
      await page.getByText('Saved.').waitFor();
      await page.getByRole('link', { name: /Back to journeys/ }).click();
      await page.getByRole('list', { name: 'Journeys' }).getByRole('button', { name: /^Churn win-back by cause/ }).click();
      await node(page, 'holdoutSplit').waitFor();
      const cohort = page.getByRole('dialog', { name: 'Simulate this journey' }).getByRole('combobox', { name: 'Cohort' });
      await page.getByRole('toolbar', { name: 'Journey tools' }).getByRole('button', { name: /Simulate/ }).click();
      await cohort.locator('option', { hasText: 'Spring shoppers' }).waitFor({ state: 'attached' });
      ({ results } = await simulate(page, 100_000, 'Spring shoppers'));
      await results.getByRole('button', { name: 'Open dashboard' }).click();
      await chartsDrawn(page, dashboard);

      const variants = dashboard.getByRole('region', { name: 'Variants' });
      await variants.getByRole('table', { name: /each variant against/ }).waitFor();
      await shoot('variants', variants);

      const flow = dashboard.getByRole('region', { name: 'Flow through the journey', exact: true }).first();
      await flow.getByRole('img').locator('svg').first().waitFor();
      await shoot('flow', flow);

      const goals = dashboard.getByRole('region', { name: 'Goals' });
      await selectMatching(goals.getByRole('combobox', { name: 'Metric' }), /^Conversion rate$/);
      await goals.getByRole('spinbutton', { name: /Target/ }).fill('20');
      await goals.getByRole('spinbutton', { name: /Within days/ }).fill('30');
      await goals.getByRole('button', { name: 'Add goal' }).click();
      await goals.getByText(/probability/i).first().waitFor();
      await shoot('goals', goals);

      const scenarios = await saveScenario(dashboard, 'Spring shoppers');
      const list = scenarios.getByRole('list', { name: 'Saved scenarios' });
      await list.getByRole('checkbox', { name: 'E-commerce preset' }).check();
      await list.getByRole('checkbox', { name: 'Spring shoppers' }).check();
      await scenarios.getByRole('table', { name: /Key figures compared/ }).getByRole('rowheader', { name: 'Conversion rate' }).waitFor();
      await scenarios.getByRole('table', { name: 'Assumptions each scenario ran on' }).waitFor();
      await shoot('scenarios', scenarios);

      const sensitivity = dashboard.getByRole('region', { name: 'Sensitivity' });
      await selectMatching(sensitivity.getByRole('combobox', { name: 'Assumption' }).first(), /^SMS open rate$/i);
      await sensitivity.getByRole('button', { name: 'Run sweep' }).click();
      await sensitivity.getByRole('img', { name: /against/ }).locator('svg').first().waitFor({ timeout: LONG_RUN_MS });
      await sensitivity.getByRole('button', { name: 'Run tornado' }).click();
      await sensitivity.getByRole('img', { name: /^Swing of / }).locator('svg').first().waitFor({ timeout: LONG_RUN_MS });
      await chartsDrawn(page, sensitivity);
      await shoot('sensitivity', sensitivity);
    },
  },
  {
    images: ['trainer-playback', 'trainer-follow', 'trainer-presenting', 'trainer-challenge'],
    lang: 'zh-CN',
    height: HEIGHT,
    async run({ page, shoot }) {
      const playback = page.getByRole('group', { name: '回放' });
      await page.goto('/');
      await page.getByRole('link', { name: '课程', exact: true }).click();
      await page.getByRole('button', { name: '开始：用户旅程的五个阶段' }).click();
      await page.locator('.react-flow__node').first().waitFor();
      await playback.getByRole('button', { name: '录制回放' }).click();
      await playback.getByRole('button', { name: '播放', exact: true }).and(page.locator(':enabled')).waitFor({ timeout: LONG_RUN_MS });
      await playback.getByRole('slider', { name: '天' }).fill('14');
      await playback.getByRole('status', { name: '模拟时间' }).getByText(/^第 14 天/).waitFor();
      await page.getByRole('list', { name: /^当前（第 14 天/ }).waitFor();
      await page.waitForTimeout(300);
      await shoot('trainer-playback');

      await page.getByRole('tab', { name: '跟随用户' }).click();
      await page.getByRole('button', { name: '一位转化的用户' }).click();
      const story = page.getByRole('list', { name: /号用户的故事$/ });
      await story.getByText(/转化成功/).first().waitFor();
      // Day 14 may be after this user left the journey: go to the day of the step before their conversion,
      // when their dot is on a node.
      const entries = await story.getByRole('listitem').allTextContents();
      const converted = entries.findIndex((entry) => entry.includes('转化成功'));
      const day = /第 (\d+) 天/.exec(entries[Math.max(0, converted - 1)] ?? '')?.[1];
      if (day !== undefined) {
        await playback.getByRole('slider', { name: '天' }).fill(day);
        await playback.getByRole('status', { name: '模拟时间' }).getByText(new RegExp(`^第 ${day} 天`)).waitFor();
      }
      await page.waitForTimeout(300);
      await shoot('trainer-follow');

      await page.getByRole('tab', { name: '课程' }).click();
      await page.getByRole('button', { name: '演示', exact: true }).click();
      const caption = page.getByRole('region', { name: '课程字幕' });
      await caption.getByText('第 1 步，共 4 步').waitFor();
      await page.keyboard.press('n');
      await caption.getByText('第 2 步，共 4 步').waitFor();
      await page.waitForTimeout(300);
      await shoot('trainer-presenting');
      await page.keyboard.press('Escape');

      await page.getByRole('toolbar').getByRole('button', { name: /旅程/ }).first().click();
      await page.getByRole('button', { name: '开始：频次上限：别再轰炸用户' }).click();
      const steps = page.getByRole('navigation', { name: '课程步骤' });
      await steps.getByRole('button', { name: '下一步' }).click();
      await steps.getByRole('button', { name: '下一步' }).click();
      const challenge = page.getByRole('region', { name: '挑战' });
      await challenge.getByRole('button', { name: '检查我的旅程' }).click();
      await challenge.getByText(/尚未完成/).waitFor({ timeout: LONG_RUN_MS });
      await challenge.getByRole('button', { name: '显示提示' }).click();
      await page.getByRole('region', { name: '试一试' }).getByRole('button', { name: '应用建议' }).click();
      await challenge.getByRole('button', { name: '检查我的旅程' }).click();
      const met = challenge.getByText('挑战完成：所有条件都满足。');
      await met.waitFor({ timeout: LONG_RUN_MS });
      await met.evaluate((element) => element.parentElement?.scrollIntoView({ block: 'end' }));
      await shoot('trainer-challenge');
    },
  },
];

interface Options {
  dist: string;
  out: string;
  only: Set<string> | null;
}

function usage(problem: string): never {
  console.error(`screenshots: ${problem}\nUsage: npx tsx scripts/screenshots.ts [--dist DIR] [--out DIR] [--only NAME,NAME]`);
  process.exit(2);
}

function parseArgs(argv: string[]): Options {
  const options: Options = { dist: path.join(ROOT, 'dist'), out: path.join(ROOT, 'docs', 'images'), only: null };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    const value = argv[index + 1];
    if (flag !== '--dist' && flag !== '--out' && flag !== '--only') usage(`unknown argument "${flag}"`);
    if (value === undefined || value.startsWith('--')) usage(`${flag} needs a value`);
    index++;
    if (flag === '--dist') options.dist = path.resolve(value);
    else if (flag === '--out') options.out = path.resolve(value);
    else options.only = new Set(value.split(',').map((name) => name.trim().replace(/\.png$/, '')).filter(Boolean));
  }
  const known = new Set(scenes.flatMap((scene) => scene.images));
  for (const name of options.only ?? []) {
    if (name.startsWith('fit-')) usage(`${name} is taken by the calibration e2e test (FIT_SCREENSHOTS=docs/images npx playwright test calibration), not by this script`);
    if (!known.has(name)) usage(`unknown image "${name}"; this script makes ${[...known].join(', ')}`);
  }
  if (!existsSync(path.join(options.dist, 'index.html'))) usage(`${path.join(options.dist, 'index.html')} not found; build first ("npx vite build")`);
  return options;
}

/**
 * A screenshot of all of `target`. A section taller than the dashboard dialog's visible part would come out
 * cut off, so the window is made tall enough for it for the picture (the dialog grows with it) and put back.
 */
async function shootWhole(page: Page, target: Locator, height: number): Promise<Buffer> {
  const box = await target.boundingBox();
  if (!box) throw new Error('the element to photograph is not visible');
  const needed = Math.ceil(box.height) + 160;
  if (needed > height) {
    await page.setViewportSize({ width: WIDTH, height: needed });
    await page.waitForTimeout(600); // the charts redraw at the new size
  }
  try {
    await target.scrollIntoViewIfNeeded();
    return await target.screenshot({ animations: 'disabled', caret: 'hide' });
  } finally {
    if (needed > height) await page.setViewportSize({ width: WIDTH, height });
  }
}

/** Writes `data` to `file` through a temporary file in the same folder, so `file` is never half written. */
async function writeWhole(file: string, data: Buffer) {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}

/** Runs one scene in a fresh browser profile; returns the images it could not make, with why. */
async function runScene(browser: Browser, baseURL: string, scene: Scene, options: Options, wanted: Set<string>): Promise<string[]> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: WIDTH, height: scene.height },
    locale: 'en-US',
    timezoneId: 'UTC',
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(20_000);
  if (scene.lang !== 'en') await context.addInitScript((lang) => localStorage.setItem('journey-lab.lang', lang), scene.lang);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const done = new Set<string>();
  let next = scene.images[0] ?? '';
  const shoot = async (name: string, target?: Locator) => {
    next = name;
    if (pageErrors.length > 0) throw new Error(`the page threw: ${pageErrors.join('; ')}`);
    if (wanted.has(name)) {
      const image = target ? await shootWhole(page, target, scene.height) : await page.screenshot({ animations: 'disabled', caret: 'hide' });
      await writeWhole(path.join(options.out, `${name}.png`), image);
      done.add(name);
      console.log(`  ${name}.png`);
    }
    next = scene.images[scene.images.indexOf(name) + 1] ?? name;
  };
  try {
    await scene.run({ page, shoot });
    return [];
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    const failed = scene.images.filter((name) => wanted.has(name) && !done.has(name));
    console.error(`screenshots: could not make ${next}.png (a step failed: ${reason})`);
    return failed.map((name) => `${name}.png`);
  } finally {
    await context.close();
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const wanted = options.only ?? new Set(scenes.flatMap((scene) => scene.images));
  const executablePath = findBrowser();
  if (!executablePath) {
    console.error(`screenshots: ${NO_BROWSER_MESSAGE}`);
    process.exit(1);
  }
  await mkdir(options.out, { recursive: true });
  const server = await preview({
    root: ROOT,
    logLevel: 'warn',
    build: { outDir: options.dist },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('the preview server is not listening on a TCP port');
  const browser = await chromium.launch({ executablePath, args: [...BROWSER_ARGS], timeout: 60_000 });
  const failed: string[] = [];
  try {
    for (const scene of scenes) {
      if (!scene.images.some((name) => wanted.has(name))) continue;
      failed.push(...(await runScene(browser, `http://127.0.0.1:${address.port}`, scene, options, wanted)));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (failed.length > 0) {
    console.error(`screenshots: not made: ${failed.join(', ')}`);
    process.exit(1);
  }
  console.log(`screenshots: ${wanted.size} image(s) in ${path.relative(process.cwd(), options.out) || '.'}`);
}

main().catch((error: unknown) => {
  console.error(`screenshots: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
