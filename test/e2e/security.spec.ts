// Hostile journeys, cohorts and lessons in the built app, with its Content-Security-Policy on: script
// put into every string a user controls (journey name, step labels, goal names, exit reasons, branch and
// variant labels, messages, a condition's value, the cohort's, its segments' and an attribute's names
// and values, every text of a lesson) comes in through imported files and a share link; then the
// journey is simulated, every chart of its dashboard hovered, every export opened, the trainer followed
// (a user's story, the Why? panel) and the glossary read. Nothing may call alert, confirm or prompt
// (they are replaced with recorders, and the fixtures fail the test on any dialog), nothing may break
// the CSP (the fixtures fail the test on any violation), and the payload shows literally wherever it is
// shown.
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, keepDownload, test } from './fixtures';

// Markup that runs script if it is ever parsed as HTML, ECharts rich-text syntax, and a script tag.
const PAYLOAD = `<img src=x onerror=alert(1)> "><svg onload=alert(2)> {a|x}</script><script>alert(3)</script>`;
// Attribute values are at most 100 characters.
const VALUE = `<img src=x onerror=alert(4)>"><svg onload=alert(5)>`;
const COHORT_NAME = `${PAYLOAD} cohort`;
const LESSON_TITLE = `${PAYLOAD} lesson`;

/** What this test adds to the pages' window. */
interface SecurityTestWindow {
  __securityTestCall?: (name: string, text: string) => void;
  __securityTestPrinted?: number;
  __securityTestTooltips?: Record<string, string[]>;
}

type Json = Record<string, unknown>;
type Shares = Record<string, number>;
interface CohortFile extends Json {
  attributes: Record<string, Json & { values: string[]; shares?: Shares }>;
  segments: (Json & { attributes: Record<string, Shares | undefined> })[];
}
interface JourneyFile extends Json {
  nodes: (Json & { id: string; params: unknown })[];
}

const literal = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const both = (text: string) => ({ en: text, 'zh-CN': text });

/** Records alert/confirm/prompt calls in any page of the context (and makes them do nothing). */
async function recordScriptDialogs(context: BrowserContext, calls: string[]) {
  await context.exposeBinding('__securityTestCall', (_source, name: string, text: string) => calls.push(`${name}(${text})`));
  await context.addInitScript(() => {
    const scope = window as unknown as SecurityTestWindow & Record<string, unknown>;
    for (const name of ['alert', 'confirm', 'prompt']) {
      scope[name] = (message: unknown) => {
        scope.__securityTestCall?.(name, String(message));
        return name === 'confirm' ? false : null;
      };
    }
    // The print report calls print(); a headless print dialog would only get in the way.
    window.print = () => {
      scope.__securityTestPrinted = (scope.__securityTestPrinted ?? 0) + 1;
    };
  });
}

/** Fails if anything from the payload became an element or an event handler. */
async function expectNoInjectedMarkup(page: Page, where: string) {
  const injected = await page.evaluate(() =>
    [...document.querySelectorAll('[onerror], [onload], img[src="x"], script:not([src])')].map((element) => element.outerHTML.slice(0, 120)),
  );
  expect(injected, `markup from the payload in the page (${where})`).toEqual([]);
}

async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await keepDownload(file)) };
}

async function exportAs(page: Page, item: string | RegExp) {
  return download(page, async () => {
    await page.getByRole('button', { name: /Export/ }).click();
    await page.getByRole('menuitem', { name: item }).click();
  });
}

const importFile = (page: Page, label: string, name: string, json: unknown) =>
  page.getByLabel(label, { exact: true }).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) });

/** The cohort file with the payload in its names, a segment's description and an attribute's value. */
function hostileCohort(cohort: CohortFile) {
  const renameValue = (shares: Shares | undefined) => {
    if (!shares || !('female' in shares)) return shares;
    const { female, ...rest } = shares;
    return { [VALUE]: female, ...rest };
  };
  const gender = cohort.attributes.gender;
  if (!gender) throw new Error('the preset has no gender attribute');
  return {
    ...cohort,
    id: 'hostile_cohort',
    name: COHORT_NAME,
    description: PAYLOAD,
    attributes: { ...cohort.attributes, gender: { ...gender, name: both(PAYLOAD), values: gender.values.map((value) => (value === 'female' ? VALUE : value)), shares: renameValue(gender.shares) } },
    segments: cohort.segments.map((segment, index) => ({
      ...segment,
      name: `${PAYLOAD} segment ${index + 1}`,
      description: PAYLOAD,
      attributes: { ...segment.attributes, ...(segment.attributes.gender ? { gender: renameValue(segment.attributes.gender) } : {}) },
    })),
  };
}

const TEXT_PARAMS = new Set(['label', 'goal', 'reason', 'content']);

/** Every text param (labels of cases and variants, goal names, exit reasons, messages) as the payload. */
function hostileParams(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(hostileParams);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, TEXT_PARAMS.has(key) && typeof child === 'string' ? `${PAYLOAD} ${key}` : hostileParams(child)]));
}

/** The journey file with the payload in its name, description, every step's texts and a condition. */
function hostileJourney(journey: JourneyFile) {
  return {
    ...journey,
    id: 'hostile_journey',
    name: PAYLOAD,
    description: PAYLOAD,
    nodes: journey.nodes.map((node) => {
      const params = hostileParams(node.params);
      // The bad-experience case also tests an attribute against the hostile value.
      if (node.id === 'whyLeft') {
        const badExperience = (params as { cases: { condition: unknown }[] }).cases[1];
        if (!badExperience) throw new Error('the whyLeft branch has no second case');
        badExperience.condition = { any: [badExperience.condition, { attribute: 'gender', op: '=', value: VALUE }] };
      }
      return { ...node, label: `${PAYLOAD} ${node.id}`, params };
    }),
  };
}

function hostileLesson(journey: unknown) {
  const text = both(PAYLOAD);
  return {
    format: 'journey-lab-lesson',
    schemaVersion: 1,
    id: 'hostile_lesson',
    title: both(LESSON_TITLE),
    summary: text,
    journey: { document: journey },
    cohort: 'ecommerce',
    users: 500,
    steps: [
      {
        title: text,
        text,
        focus: ['churnWarning'],
        lookAt: [{ target: 'conversionRate', text }],
        tryThis: { text, edits: [] },
        challenge: { goal: text, conditions: [{ metric: 'entered', atLeast: 0 }], hints: [text] },
      },
    ],
  };
}

/**
 * Moves the mouse over the shapes of every chart of the dashboard; returns, per chart (by its accessible
 * name), the texts its tooltip showed.
 */
async function hoverEveryChart(page: Page, dashboard: Locator): Promise<Record<string, string[]>> {
  // ECharts' tooltip is a div it fills with HTML, in the chart's element; an observer keeps its texts.
  await page.evaluate(() => {
    const scope = window as unknown as SecurityTestWindow;
    const tooltips: Record<string, string[]> = {};
    scope.__securityTestTooltips = tooltips;
    new MutationObserver(() => {
      for (const chart of document.querySelectorAll('.dashboard-chart__canvas')) {
        const texts = [...chart.querySelectorAll('div')].filter((div) => div.style.zIndex === '9999999').map((div) => div.innerText).filter(Boolean);
        const name = chart.getAttribute('aria-label') ?? '';
        if (texts.length > 0) tooltips[name] = [...new Set([...(tooltips[name] ?? []), ...texts])];
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const charts = dashboard.locator('.dashboard-chart__canvas');
  for (let index = 0; index < (await charts.count()); index += 1) {
    const chart = charts.nth(index);
    await chart.scrollIntoViewIfNeeded();
    // Centres of the drawn shapes (bars, points, Sankey nodes and links, labels), about ten per chart.
    const points = await chart.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const centres = [...element.querySelectorAll('svg path, svg text, svg rect')]
        .map((shape) => shape.getBoundingClientRect())
        .filter((rect) => rect.width + rect.height > 2)
        .map((rect) => ({ x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }))
        .filter((point) => point.x > box.left && point.x < box.right && point.y > box.top && point.y < box.bottom && point.y > 0 && point.y < innerHeight);
      const step = Math.max(1, Math.floor(centres.length / 10));
      return centres.filter((_, at) => at % step === 0).slice(0, 12);
    });
    for (const point of points) await page.mouse.move(point.x, point.y, { steps: 2 });
  }
  return page.evaluate(() => (window as unknown as SecurityTestWindow).__securityTestTooltips ?? {});
}

test('shows script in every user string as text: imports, dashboard charts and exports, trainer, lessons, glossary', async ({ page, context, newContext }) => {
  test.setTimeout(Math.max(test.info().timeout, 120_000));
  const calls: string[] = [];
  await recordScriptDialogs(context, calls);
  await page.setViewportSize({ width: 1440, height: 900 });
  const tools = page.getByRole('toolbar', { name: 'Journey tools' });
  const dashboard = page.getByRole('dialog', { name: /^Dashboard: / });
  const flow = dashboard.getByRole('region', { name: 'Flow through the journey', exact: true });
  let journey: ReturnType<typeof hostileJourney> | undefined;

  await test.step('a cohort with script in its names and an attribute value, imported', async () => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Cohorts' }).click();
    await page.getByRole('button', { name: 'Copy preset: E-commerce shoppers' }).click();
    await page.getByRole('button', { name: 'Save cohort' }).waitFor();
    const preset = await download(page, () => page.getByRole('button', { name: 'Export', exact: true }).click());
    await page.getByRole('link', { name: 'Cohorts', exact: true }).click();
    await importFile(page, 'Cohort file to import', 'hostile.cohort.json', hostileCohort(JSON.parse(preset.bytes.toString('utf8')) as CohortFile));
    await page.getByRole('list', { name: 'Saved cohorts' }).getByRole('link', { name: COHORT_NAME }).click();
    expect(await page.getByRole('textbox', { name: 'Cohort name' }).inputValue()).toBe(COHORT_NAME);
    await expectNoInjectedMarkup(page, 'cohort editor');
  });

  await test.step('a journey with script in every text, imported', async () => {
    await page.getByRole('link', { name: /Back to journeys/ }).click();
    await page.getByRole('button', { name: 'Use template: Churn win-back by cause, with a holdout' }).click();
    await page.locator('.react-flow__node[data-id="holdoutSplit"]').waitFor();
    const template = await exportAs(page, 'Journey file (.journey.json)');
    journey = hostileJourney(JSON.parse(template.bytes.toString('utf8')) as JourneyFile);
    await tools.getByRole('button', { name: /Journeys/ }).click();
    await importFile(page, 'Import file', 'hostile.journey.json', journey);
    await page.getByRole('list', { name: 'Journeys' }).getByRole('button', { name: literal(PAYLOAD) }).first().click();
    const entry = page.locator('.react-flow__node[data-id="churnWarning"]');
    await entry.getByText(`${PAYLOAD} churnWarning`).waitFor();
    await entry.click();
    await expectNoInjectedMarkup(page, 'editor');
  });

  await test.step('simulate it on the hostile cohort and open the dashboard', async () => {
    await tools.getByRole('button', { name: /Simulate/ }).click();
    const panel = page.getByRole('dialog', { name: 'Simulate this journey' });
    const cohort = panel.getByRole('combobox', { name: 'Cohort' });
    await cohort.locator('option', { hasText: 'cohort' }).first().waitFor({ state: 'attached' });
    await cohort.selectOption({ label: COHORT_NAME });
    await panel.getByRole('spinbutton', { name: /Users/ }).fill('3000');
    await panel.getByRole('button', { name: /Run/ }).click();
    const results = panel.getByRole('region', { name: 'Results' });
    await results.waitFor({ timeout: 30_000 });
    await results.getByRole('button', { name: 'Open dashboard' }).click();
    await dashboard.waitFor();
    expect(
      (await dashboard.getAttribute('aria-label'))?.includes(PAYLOAD) || ((await dashboard.textContent()) ?? '').includes(PAYLOAD),
      'the dashboard names the journey literally',
    ).toBe(true);
  });

  await test.step('a scenario, a goal and a sweep, so every chart is there', async () => {
    const scenarios = dashboard.getByRole('region', { name: 'Scenarios' });
    await scenarios.getByRole('textbox', { name: 'Scenario name' }).fill(PAYLOAD);
    await scenarios.getByRole('button', { name: 'Save as scenario' }).click();
    await scenarios.getByText(`Saved scenario “${PAYLOAD}”.`).waitFor();
    const goals = dashboard.getByRole('region', { name: 'Goals' });
    await goals.getByRole('spinbutton', { name: /Target/ }).fill('20');
    await goals.getByRole('button', { name: 'Add goal' }).click();
    await goals.getByText(/probability/i).first().waitFor();
    const sensitivity = dashboard.getByRole('region', { name: 'Sensitivity' });
    await sensitivity.getByRole('button', { name: 'Run sweep' }).click();
    await sensitivity.getByRole('img', { name: /against/ }).locator('svg').first().waitFor({ timeout: 30_000 });
    const charts = dashboard.locator('.dashboard-chart__canvas');
    await page.waitForFunction(() => {
      const all = document.querySelectorAll('.dashboard-chart__canvas');
      return all.length > 0 && [...all].every((chart) => chart.getAttribute('data-phase') === 'ready');
    });
    expect(await charts.count(), `every chart is drawn (${await charts.count()})`).toBeGreaterThanOrEqual(8);
  });

  await test.step('hover every chart', async () => {
    const tooltips = await hoverEveryChart(page, dashboard);
    const shown = (chart: string) => Object.entries(tooltips).find(([name]) => name.startsWith(chart))?.[1] ?? [];
    expect(Object.keys(tooltips).length, `most charts showed a tooltip: ${JSON.stringify(Object.keys(tooltips))}`).toBeGreaterThanOrEqual(6);
    // The Sankey tooltip (a formatter of our own) and the goal funnel's (ECharts' default) name steps.
    for (const chart of ['Flow through the journey', 'Funnel by goal'])
      expect(shown(chart).some((text) => text.includes(PAYLOAD)), `the ${chart} tooltip shows a step's label literally: ${JSON.stringify(shown(chart).slice(0, 3))} (charts with tooltips: ${JSON.stringify(Object.keys(tooltips))})`).toBe(true);
    // Sankey labels wrap to their column's width, so a label's text may span several lines (text elements).
    expect((await flow.locator('svg text').allTextContents()).join(' ').replace(/\s+/g, ' '), 'the Sankey labels are plain text').toContain('<img src=x');
    await expectNoInjectedMarkup(page, 'dashboard');
  });

  await test.step('download the CSVs and a chart picture', async () => {
    const nodes = await download(page, () => dashboard.getByRole('button', { name: 'Download the per-node table (CSV)' }).click());
    expect(nodes.bytes.toString('utf8')).toMatch(/onerror=alert\(1\)/);
    await download(page, () => dashboard.getByRole('button', { name: /per-day table/ }).click());
    const png = await download(page, () => flow.getByRole('button', { name: /PNG/ }).click());
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  await test.step('print the report', async () => {
    await dashboard.getByRole('button', { name: 'Print report' }).click();
    await page.waitForFunction(() => ((window as unknown as SecurityTestWindow).__securityTestPrinted ?? 0) > 0);
    const report = page.locator('.print-report');
    expect((await report.textContent()) ?? '', 'the printed report names the journey literally').toContain(PAYLOAD);
    const picture = report.locator('img');
    await expect(picture, 'the report has one picture, the journey’s').toHaveCount(1);
    expect(await picture.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0), 'the journey picture (SVG with the labels escaped) loads').toBe(true);
    await expectNoInjectedMarkup(page, 'print report');
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.keyboard.press('Escape');
    await dashboard.waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
  });

  await test.step('export the journey file, the machine and the pictures', async () => {
    const file = JSON.parse((await exportAs(page, 'Journey file (.journey.json)')).bytes.toString('utf8')) as { name: string };
    expect(file.name).toBe(PAYLOAD);
    JSON.parse((await exportAs(page, /XState machine/)).bytes.toString('utf8'));
    const svg = (await exportAs(page, 'Picture (SVG)')).bytes.toString('utf8');
    expect(!svg.includes('<img src=x') && !svg.includes('<svg onload'), 'the SVG picture has no markup from the payload').toBe(true);
    expect(svg, 'the SVG picture shows the labels as text').toContain('&lt;img src=x onerror=alert(1)&gt;');
    const picturePng = await exportAs(page, 'Picture (PNG)');
    expect(picturePng.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  await test.step('a share link of it, opened in another browser', async () => {
    await page.getByRole('button', { name: /Copy share link/ }).click();
    const shared = page.getByRole('dialog', { name: /Copy share link/ });
    const link = await shared.getByRole('textbox', { name: 'Share link' }).inputValue();
    await shared.getByRole('button', { name: 'Close' }).click();
    const visitorContext = await newContext();
    await recordScriptDialogs(visitorContext, calls);
    const visitor = await visitorContext.newPage();
    await visitor.goto(link);
    await visitor.getByRole('dialog', { name: 'Someone shared a journey with you' }).getByText(PAYLOAD).first().waitFor();
    await expectNoInjectedMarkup(visitor, 'share offer');
    await visitor.close();
  });

  await test.step('trainer mode: record, follow a user who converted, ask why', async () => {
    await tools.getByRole('button', { name: 'Trainer mode' }).click();
    const playback = page.getByRole('group', { name: 'Playback' });
    await playback.getByRole('button', { name: 'Record playback' }).click();
    await playback.getByRole('button', { name: 'Play', exact: true }).and(page.locator(':not([disabled])')).waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: 'Follow a user', selected: true }).waitFor();
    await page.getByRole('button', { name: 'A user who converted' }).click();
    const story = page.getByRole('list', { name: /^Story of user #/ });
    await story.getByText(literal(PAYLOAD)).first().waitFor();
    const why = story.locator('summary', { hasText: 'Why?' });
    if ((await why.count()) > 0) await why.first().click();
    await page.getByRole('tab', { name: 'Why?' }).click();
    await page.locator('.react-flow__node[data-id="whyLeft"]').click();
    await page.getByRole('heading', { name: `Why: ${PAYLOAD} whyLeft` }).waitFor();
    expect(await page.getByRole('tabpanel').textContent(), 'the condition’s value shows literally').toMatch(literal(VALUE));
    await expectNoInjectedMarkup(page, 'trainer');
  });

  await test.step('a lesson with script in every text, imported and started', async () => {
    await tools.getByRole('button', { name: /Journeys/ }).click();
    await page.getByRole('link', { name: 'Lessons', exact: true }).click();
    await importFile(page, 'Import lesson file', 'hostile.lesson.json', hostileLesson(journey));
    await page.getByText(`Imported “${LESSON_TITLE}”.`).waitFor();
    await page.getByRole('button', { name: `Start: ${LESSON_TITLE}` }).click();
    await page.locator('.react-flow__node').first().waitFor();
    await page.getByRole('navigation', { name: 'Lesson steps' }).waitFor();
    expect((await page.getByRole('tabpanel').textContent()) ?? '', 'the lesson’s text shows literally').toContain(PAYLOAD);
    const challenge = page.getByRole('region', { name: 'Challenge' });
    await challenge.getByRole('button', { name: 'Show a hint' }).click();
    await expectNoInjectedMarkup(page, 'lesson');
  });

  await test.step('the glossary', async () => {
    await page.goto('/#/glossary');
    await page.getByRole('heading', { name: 'Glossary', level: 2 }).waitFor();
    await expectNoInjectedMarkup(page, 'glossary');
  });

  expect(calls, 'no alert, confirm or prompt was called').toEqual([]);
});
