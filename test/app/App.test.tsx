import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/app/App.tsx';
import i18n, { LANGUAGE_STORAGE_KEY, languageFromTag, setLanguage } from '../../src/app/i18n/index.ts';
import en from '../../src/app/i18n/en.json';
import zhCN from '../../src/app/i18n/zh-CN.json';

function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

describe('App shell', () => {
  beforeEach(async () => {
    await setLanguage('en');
    localStorage.clear();
  });

  it('renders the title, the template sidebar and the canvas region with its stage lanes', () => {
    render(<App />);
    expect(screen.getByRole('heading', { level: 1, name: 'Journey Lab' })).toBeInTheDocument();
    const sidebar = screen.getByRole('complementary', { name: 'Templates' });
    const listed = within(sidebar).getAllByRole('listitem');
    expect(listed).toHaveLength(10);
    expect(within(sidebar).getByText('Cart abandonment: reminder, then coupon')).toBeInTheDocument();
    const canvas = screen.getByRole('region', { name: 'Journey canvas' });
    const lanes = within(canvas).getByRole('list', { name: 'Journey stages' });
    expect(within(lanes).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Awareness',
      'Exploration',
      'Decision',
      'Usage',
      'Loyalty',
    ]);
  });

  it('switches to Chinese through the language select and remembers the choice', async () => {
    const user = userEvent.setup();
    render(<App />);
    const select = screen.getByRole('combobox', { name: 'Language' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['English', '简体中文']);

    await user.selectOptions(select, '简体中文');

    expect(await screen.findByRole('heading', { level: 1, name: 'Journey Lab 用户旅程实验室' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '旅程画布' })).toBeInTheDocument();
    const sidebar = screen.getByRole('complementary', { name: '模板' });
    expect(within(sidebar).getByText('加购未下单：先提醒，再发券')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: '语言' })).toHaveValue('zh-CN');
    expect(screen.getByText('意识')).toBeInTheDocument();
    expect(screen.getByText('忠诚')).toBeInTheDocument();
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
  it('has the same keys in every language', () => {
    expect(keyPaths(zhCN).sort()).toEqual(keyPaths(en).sort());
  });

  it('maps any zh* browser language to zh-CN and everything else to en', () => {
    expect(languageFromTag('zh')).toBe('zh-CN');
    expect(languageFromTag('zh-TW')).toBe('zh-CN');
    expect(languageFromTag('zh-Hans-CN')).toBe('zh-CN');
    expect(languageFromTag('en-GB')).toBe('en');
    expect(languageFromTag('fr')).toBe('en');
    expect(languageFromTag(undefined)).toBe('en');
  });
});
