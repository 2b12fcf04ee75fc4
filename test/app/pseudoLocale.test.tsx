// A language is its catalogs: a pseudo-locale generated from the English catalog at test time is loaded
// the way the app loads a catalog (an i18next resource bundle per section), and every text on the main
// screens must then come from it (⟦…⟧), except user data (names from the journey), numbers and signs.
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/app/App.tsx';
import { addCatalog, LANGUAGES, setLanguage } from '../../src/app/i18n/index.ts';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import type { AppServices } from '../../src/app/services';
import en from '../../src/locales/en.json';
import { getTemplate, instantiateTemplate, templates, templateSummaries } from '../../src/core/templates';
import { checkJourney, type JourneyDocument } from '../../src/core/journey';
import { dataLanguage } from '../../src/core/i18n';
import { cohortPresets } from '../../src/core/cohort';
import { builtinLessons } from '../../src/core/lessons';
import { glossary } from '../../src/core/glossary';
import { say } from '../../src/app/i18n/say';
import { ServicesContext } from '../../src/app/services';
import { createSimulationStore } from '../../src/app/simulate/simulationStore';
import { SimulationStoreContext } from '../../src/app/simulate/SimulationStoreContext';
import { Dashboard } from '../../src/app/simulate/dashboard/Dashboard';
import { instantRunner } from '../support/instantRunner';
import { PSEUDO_OPEN, pseudoCatalog } from '../support/pseudoLocale';

const renderChart = vi.hoisted(() => vi.fn(() => ({ dispose: () => {} })));
vi.mock('../../src/app/simulate/dashboard/echartsRenderer', () => ({ renderChart }));

// A tag of its own: a third language, added the way every catalog in src/locales is. Bilingual data
// (templates, lessons, presets) has no pseudo version, so it shows in English, the data language for en-XA.
const PSEUDO = 'en-XA';
const DATA = dataLanguage(PSEUDO);

/** Every string in a value: a journey's names and labels are user data, not interface text. */
const stringsIn = (value: unknown): string[] =>
  typeof value === 'string' || typeof value === 'boolean' ? [String(value)] : typeof value === 'object' && value !== null ? Object.values(value).flatMap(stringsIn) : [];

// Templates, cohort presets and built-in lessons are bilingual content (names, labels, message bodies,
// descriptions) shown in the data language; each language's own name is written in that language on
// purpose; file formats are named as they are.
const userData = new Set([
  'PNG',
  'SVG',
  'CSV',
  'JSON',
  ...templateSummaries(DATA).flatMap(stringsIn),
  ...cohortPresets.flatMap((preset) => stringsIn(preset)).flatMap((text) => [text, text.trim()]),
  ...builtinLessons.flatMap(stringsIn),
  ...templates.flatMap((template) => stringsIn(instantiateTemplate(template, DATA))),
  ...Object.values(import.meta.glob<{ language: { self: string } }>('../../src/locales/*.json', { eager: true, import: 'app' })).map((app) => app.language.self),
  // a glossary term's name in the other languages, shown beside its own on purpose
  ...glossary.flatMap((entry) => ['en', 'zh-CN'].map((language) => say(entry.name, language))),
  // a formatted amount's currency sign, as Intl writes it for the pseudo tag (CN¥)
  ...new Intl.NumberFormat(PSEUDO, { style: 'currency', currency: 'CNY' }).formatToParts(1).filter((part) => part.type === 'currency').map((part) => part.value),
  // Chinese the English catalog quotes on purpose (a term's Chinese name beside the English one)
  ...stringsIn(en).flatMap((text) => text.match(/\p{Script=Han}+/gu) ?? []),
]);

const longestFirst = () => [...userData].filter((text) => text.trim().length > 0).sort((a, b) => b.length - a.length);

/**
 * The texts on screen that come from no catalog: a text node with words but no pseudo marker, or with
 * Chinese in it (the pseudo-locale is made from English, so any Chinese left came from elsewhere) once
 * the user data in it is taken out. Numbers, signs and identifiers (problem codes) are no words.
 */
function untranslated(root: HTMLElement): string[] {
  const data = longestFirst();
  const found = new Set<string>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // identifiers (problem codes), the canvas library's attribution
    if (node.parentElement?.closest('style, script, code, .react-flow__attribution')) continue;
    const text = node.textContent?.trim() ?? '';
    const rest = data.reduce((left, datum) => (left.includes(datum) ? left.replaceAll(datum, ' ') : left), text);
    const marked = rest.includes(PSEUDO_OPEN) || rest.includes('⟧');
    if ((/\p{L}/u.test(rest) && !marked) || /\p{Script=Han}/u.test(rest)) found.add(text);
  }
  return [...found];
}

const services = (): AppServices => ({ repository: createMemoryRepository(), tabId: 'pseudo', storageWarning: null, simulationRunner: instantRunner });

beforeAll(async () => {
  addCatalog(PSEUDO, pseudoCatalog(en) as typeof en);
  await setLanguage(PSEUDO);
});

afterAll(async () => {
  await setLanguage('en');
});

beforeEach(() => {
  localStorage.clear();
  window.location.hash = '';
});

describe('a pseudo-locale made from the English catalog', () => {
  it('is offered and chosen under its own tag, named by its own catalog', () => {
    expect(LANGUAGES).toEqual(expect.arrayContaining(['en', 'zh-CN', PSEUDO]));
    expect(document.documentElement.lang).toBe(PSEUDO);
    render(<App services={services()} />);
    const switcher = screen.getByRole('combobox', { name: /láñgúágé/i });
    expect(switcher).toHaveValue(PSEUDO);
    expect(screen.getByRole('option', { name: '⟦Éñglísh⟧' })).toHaveAttribute('value', PSEUDO);
  });

  it('translates the home screen', async () => {
    render(<App services={services()} />);
    await screen.findAllByRole('heading', { level: 1 });
    expect(untranslated(document.body)).toEqual([]);
  });

  it('translates the editor with a journey and the inspector of a node', async () => {
    const user = userEvent.setup();
    render(<App services={services()} />);
    const useTemplate = await screen.findAllByRole('button', { name: /témpláté/ });
    await user.click(useTemplate[0]!);
    const canvas = await screen.findByRole('region', { name: /çáñvás/i });
    // React Flow takes its aria texts (ariaLabelConfig) into its store in an effect after its first render.
    await waitFor(() => expect(untranslated(document.body)).toEqual([]));
    // selected by keyboard (a pointer click starts React Flow's drag, which jsdom's events cannot carry)
    const node = canvas.querySelector<HTMLElement>('.react-flow__node');
    expect(node).not.toBeNull();
    act(() => node!.focus());
    await user.keyboard('{Enter}');
    expect(node).toHaveClass('selected');
    expect(untranslated(document.body)).toEqual([]);
    // a message node: its channel list and its content field
    const message = canvas.querySelector<HTMLElement>('.react-flow__node-message');
    expect(message).not.toBeNull();
    act(() => message!.focus());
    await user.keyboard('{Enter}');
    expect(message).toHaveClass('selected');
    expect(untranslated(document.body)).toEqual([]);
  });

  it('translates trainer mode on a journey', async () => {
    const journey = checkJourney(instantiateTemplate(getTemplate('cart-abandonment')!, DATA)).document as JourneyDocument;
    const given = services();
    await given.repository.save(journey, { expectedRevision: null, writer: 'setup' });
    window.location.hash = `#/train/${journey.id}`;
    render(<App services={given} />);
    await screen.findByRole('region', { name: /çáñvás/i });
    expect(untranslated(document.body)).toEqual([]);
  });

  it('translates the dashboard after a run', async () => {
    const journey = checkJourney(instantiateTemplate(getTemplate('churn-win-back')!, DATA)).document as JourneyDocument;
    const store = createSimulationStore(instantRunner);
    store.getState().setSettings({ users: '500', seed: '1', presetId: 'ecommerce' });
    store.getState().start(journey);
    const { report, run, stale } = store.getState();
    render(
      <ServicesContext.Provider value={services()}>
        <SimulationStoreContext.Provider value={store}>
          <Dashboard report={report!} currency="CNY" presetId={run!.presetId} stale={stale} onClose={() => {}} journey={run!.journey} />
        </SimulationStoreContext.Provider>
      </ServicesContext.Provider>,
    );
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(untranslated(document.body)).toEqual([]);
  });

  it.each([
    ['cohorts', '#/cohorts'],
    ['lessons', '#/learn'],
    ['glossary', '#/glossary'],
  ])('translates the %s screen', async (_screen, hash) => {
    window.location.hash = hash;
    render(<App services={services()} />);
    await screen.findAllByRole('heading', { level: 2 });
    expect(untranslated(document.body)).toEqual([]);
  });
});
