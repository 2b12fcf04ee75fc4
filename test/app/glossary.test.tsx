// The glossary screen, by role and accessible name: every term in the interface language with its
// other-language name, a linked term scrolled to, marked and focused, and links that navigate.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/app/App.tsx';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import type { AppServices } from '../../src/app/services';
import { glossary } from '../../src/core/glossary';
import { inEnglish } from '../support/messages.ts';

const services = (): AppServices => ({ repository: createMemoryRepository(), tabId: 'test-tab', storageWarning: null });

async function openAt(hash: string, lang: 'en' | 'zh-CN' = 'en') {
  setLanguage(lang);
  window.location.hash = hash;
  render(<App services={services()} />);
  // The glossary's code loads when it is first shown (src/app/lazyScreens.tsx): wait for it to be drawn.
  await waitFor(() => expect(document.querySelector('.app-loading')).toBeNull());
  return userEvent.setup();
}

afterEach(() => {
  window.location.hash = '';
});

describe('the glossary', () => {
  it('lists every term, named in both languages', async () => {
    await openAt('#/glossary');
    expect(screen.getByRole('heading', { level: 2, name: 'Glossary' })).toBeInTheDocument();
    for (const term of glossary) expect(screen.getByRole('heading', { level: 3, name: inEnglish(term.name) })).toBeInTheDocument();
    expect(screen.getByText('In Chinese: 分层')).toBeInTheDocument();
    expect(screen.getByText('In Chinese: 留出组（对照组）')).toBeInTheDocument();
  });

  it('lands on a linked term: marked, and its heading focused', async () => {
    await openAt('#/glossary/holdout');
    const heading = screen.getByRole('heading', { level: 3, name: 'Holdout (control group)' });
    expect(heading).toHaveFocus();
    expect(heading.closest('[aria-current="true"]')).not.toBeNull();
    expect(document.querySelectorAll('[aria-current="true"]')).toHaveLength(1);
  });

  it('follows a see-also link to its term', async () => {
    const user = await openAt('#/glossary/holdout');
    const holdout = screen.getByRole('article', { name: 'Holdout (control group)' });
    expect(holdout).toHaveTextContent(/See also: Lift vs holdout/);
    await user.click(within(holdout).getByRole('link', { name: 'Lift vs holdout' }));
    expect(window.location.hash).toBe('#/glossary/lift');
    expect(await screen.findByRole('heading', { level: 3, name: 'Lift vs holdout' })).toHaveFocus();
  });

  it('goes back to the journeys list with one navigation, not the link’s and the app’s both', async () => {
    const user = await openAt('#/glossary/holdout');
    let click: MouseEvent | null = null;
    const remember = (event: MouseEvent) => (click = event);
    document.addEventListener('click', remember);
    await user.click(screen.getByRole('link', { name: '← Back to journeys' }));
    document.removeEventListener('click', remember);
    expect(click!.defaultPrevented).toBe(true);
    expect(window.location.hash).toBe('#/');
    expect(await screen.findByRole('link', { name: 'Glossary' })).toBeInTheDocument();
  });

  it('puts the colons in the language’s own form', async () => {
    await openAt('#/glossary/holdout', 'zh-CN');
    const holdout = screen.getByRole('article', { name: '留出组（对照组）' });
    expect(within(holdout).getByText(/^另见：/)).toBeInTheDocument();
    expect(within(holdout).getByText('在 Journey Lab 中：')).toBeInTheDocument();
    expect(holdout.textContent).not.toMatch(/[\u4e00-\u9fff]:/);
  });

  it('says when a linked term does not exist', async () => {
    await openAt('#/glossary/nonsense');
    expect(screen.getByRole('status')).toHaveTextContent('There is no glossary term “nonsense”');
  });

  it('is reachable from the journeys list, and reads in Chinese', async () => {
    const user = await openAt('#/', 'zh-CN');
    await user.click(await screen.findByRole('link', { name: '术语表' }));
    expect(await screen.findByRole('heading', { level: 2, name: '术语表' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: '分群' })).toBeInTheDocument();
    expect(screen.getByText('英文：Clustering')).toBeInTheDocument();
  });
});
