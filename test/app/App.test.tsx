import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/app/App.tsx';
import i18n, { LANGUAGE_STORAGE_KEY, languageFromTag, setLanguage } from '../../src/app/i18n/index.ts';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import type { AppServices } from '../../src/app/services';
import { problemFixtures } from '../fixtures/journeys';

const services = (): AppServices => ({ repository: createMemoryRepository(), tabId: 'test-tab', storageWarning: null });

describe('App', () => {
  beforeEach(async () => {
    await setLanguage('en');
    localStorage.clear();
    window.location.hash = '';
  });

  it('opens on the journeys list with the ten templates', async () => {
    render(<App services={services()} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Journey Lab' })).toBeInTheDocument();
    expect(await screen.findByText('No journeys yet. Start with a template or an empty journey.')).toBeInTheDocument();
    const templates = screen.getByRole('list', { name: 'Start from a template' });
    expect(within(templates).getAllByRole('listitem')).toHaveLength(10);
    expect(within(templates).getByRole('heading', { name: 'Cart abandonment: reminder, then coupon' })).toBeInTheDocument();
  });

  it('creates a journey from a template and opens it on the canvas with its stage lanes', async () => {
    const user = userEvent.setup();
    render(<App services={services()} />);
    await user.click(await screen.findByRole('button', { name: 'Use template: Cart abandonment: reminder, then coupon' }));
    const canvas = await screen.findByRole('region', { name: 'Journey canvas' });
    // The lanes are drawn once React Flow has measured its viewport (an effect after the first render).
    const lanes = await within(canvas).findByRole('list', { name: 'Journey stages' });
    expect(within(lanes).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Awareness', 'Exploration', 'Decision', 'Usage', 'Loyalty']);
    expect(screen.getByRole('textbox', { name: 'Journey name' })).toHaveValue('Cart abandonment: reminder, then coupon');
    expect(window.location.hash).toMatch(/^#\/journey\//);
  });

  it('refuses a bad file on import, lists its problems and changes nothing', async () => {
    const user = userEvent.setup();
    const given = services();
    render(<App services={given} />);
    await screen.findByText('No journeys yet. Start with a template or an empty journey.');
    const bad = new File([JSON.stringify(problemFixtures['unsupported-version'])], 'future.journey.json', { type: 'application/json' });
    await user.upload(screen.getByLabelText('Import file'), bad);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The journey was not opened');
    expect(within(alert).getByRole('list', { name: 'Import refused' })).toHaveTextContent('unsupported-version');
    expect(await given.repository.list()).toEqual([]);
    expect(screen.getByText('No journeys yet. Start with a template or an empty journey.')).toBeInTheDocument();
  });

  it('imports a good file as a new journey', async () => {
    const user = userEvent.setup();
    const given = services();
    render(<App services={given} />);
    const good = new File([JSON.stringify(problemFixtures['path-summary'])], 'basic.journey.json', { type: 'application/json' });
    await user.upload(await screen.findByLabelText('Import file'), good);
    expect(await screen.findByRole('status')).toHaveTextContent('Imported “Basic cart reminder”.');
    expect((await given.repository.list()).map((journey) => journey.name)).toEqual(['Basic cart reminder']);
  });

  it('switches to Chinese through the language select and remembers the choice', async () => {
    const user = userEvent.setup();
    render(<App services={services()} />);
    const select = screen.getByRole('combobox', { name: 'Language' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['English', '简体中文']);

    await user.selectOptions(select, '简体中文');

    expect(await screen.findByRole('heading', { level: 1, name: 'Journey Lab 用户旅程实验室' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '用户旅程' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: '加购未下单：先提醒，再发券' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: '语言' })).toHaveValue('zh-CN');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');

    await user.selectOptions(screen.getByRole('combobox', { name: '语言' }), 'English');
    expect(await screen.findByRole('heading', { level: 1, name: 'Journey Lab' })).toBeInTheDocument();
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(i18n.language).toBe('en');
  });
});

describe('i18n', () => {
  it('maps any zh* browser language to zh-CN and everything else to en', () => {
    expect(languageFromTag('zh')).toBe('zh-CN');
    expect(languageFromTag('zh-TW')).toBe('zh-CN');
    expect(languageFromTag('zh-Hans-CN')).toBe('zh-CN');
    expect(languageFromTag('en-GB')).toBe('en');
    expect(languageFromTag('fr')).toBe('en');
    expect(languageFromTag(undefined)).toBe('en');
  });
});
