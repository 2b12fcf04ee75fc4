// At narrow widths (≤ 1100 px) the toolbar's secondary actions go into a keyboard-operable "More"
// menu instead of wrapping the toolbar (issue 17, "Editing").
import { screen, within } from '@testing-library/react';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { validJourney } from '../fixtures/journeys';
import { openEditor } from '../support/openEditor';

function windowWidth(width: number) {
  window.matchMedia = ((query: string) => {
    const max = /max-width:\s*(\d+)px/.exec(query);
    return { matches: max ? width <= Number(max[1]) : false, media: query, addEventListener() {}, removeEventListener() {} } as unknown as MediaQueryList;
  }) as typeof window.matchMedia;
}

describe('toolbar at narrow widths', () => {
  const original = window.matchMedia;
  beforeEach(() => setLanguage('en'));
  afterEach(() => {
    window.matchMedia = original;
  });

  it('collapses auto-layout, export and share into a More menu operated by keyboard', async () => {
    windowWidth(1024);
    const { user } = await openEditor(validJourney());
    const toolbar = screen.getByRole('toolbar', { name: 'Journey tools' });
    expect(within(toolbar).queryByRole('button', { name: /Auto-layout/ })).toBeNull();
    const more = within(toolbar).getByRole('button', { name: /More/ });
    expect(more).toHaveAttribute('aria-haspopup', 'menu');
    more.focus();
    await user.keyboard('{Enter}');
    const menu = screen.getByRole('menu', { name: 'More actions' });
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((item) => item.textContent)).toEqual(expect.arrayContaining([expect.stringMatching(/Auto-layout/), expect.stringMatching(/Export/), expect.stringMatching(/share link/i)]));
    expect(items[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(items[1]).toHaveFocus();
    await user.keyboard('{End}');
    expect(items.at(-1)).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(more).toHaveFocus();
  });

  it('keeps the actions on the toolbar in a wide window', async () => {
    windowWidth(1440);
    await openEditor(validJourney());
    const toolbar = screen.getByRole('toolbar', { name: 'Journey tools' });
    expect(within(toolbar).getByRole('button', { name: /Auto-layout/ })).toBeInTheDocument();
    expect(within(toolbar).queryByRole('button', { name: /^⋯ More/ })).toBeNull();
  });
});
