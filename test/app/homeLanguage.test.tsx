// A journey is written in the language the app was in when it was made, says so in its file, and the
// journeys list shows it ("EN" / "中文") with a name a screen reader reads out.
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HomeScreen } from '../../src/app/home/HomeScreen';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import type { JourneyRepository as Repository } from '../../src/app/persist/repository';
import { ServicesContext, type AppServices } from '../../src/app/services';
import type { JourneyDocument } from '../../src/core/journey';
import { getTemplate } from '../../src/core/templates';

/** The memory repository (its list carries each journey's language, as every backend's does), with saves kept so a test can read what was made. */
function languageListingRepository(): { repository: Repository; saved: JourneyDocument[] } {
  const memory = createMemoryRepository();
  const saved: JourneyDocument[] = [];
  const repository: Repository = {
    ...memory,
    save: (document, options) => {
      saved.push(document);
      return memory.save(document, options);
    },
  };
  return { repository, saved };
}

function renderHome(repository: Repository) {
  const services: AppServices = { repository, tabId: 'test-tab', storageWarning: null };
  const onOpen = vi.fn();
  render(
    <ServicesContext.Provider value={services}>
      <HomeScreen onOpen={onOpen} />
    </ServicesContext.Provider>,
  );
  return onOpen;
}

describe('the language a journey is written in', () => {
  afterEach(() => setLanguage('en'));

  it('makes a template journey in Chinese when the app is in Chinese, and records it', async () => {
    await setLanguage('zh-CN');
    const user = userEvent.setup();
    const { repository, saved } = languageListingRepository();
    const onOpen = renderHome(repository);
    const template = getTemplate('cart-abandonment')!;
    await user.click(await screen.findByRole('button', { name: `使用模板: ${template.name['zh-CN']}` }));
    expect(onOpen).toHaveBeenCalledTimes(1);
    const [journey] = saved;
    expect(journey).toMatchObject({ language: 'zh-CN', name: template.name['zh-CN'] });
    expect(journey!.nodes.map((node) => node.label)).toEqual(template.nodes.map((node) => node.label['zh-CN']));
  });

  it('makes a template journey in English when the app is in English, and records it', async () => {
    await setLanguage('en');
    const user = userEvent.setup();
    const { repository, saved } = languageListingRepository();
    renderHome(repository);
    const template = getTemplate('cart-abandonment')!;
    await user.click(await screen.findByRole('button', { name: `Use template: ${template.name.en}` }));
    expect(saved[0]).toMatchObject({ language: 'en', name: template.name.en });
  });

  it('records the language of a new empty journey', async () => {
    await setLanguage('zh-CN');
    const user = userEvent.setup();
    const { repository, saved } = languageListingRepository();
    renderHome(repository);
    await user.click(await screen.findByRole('button', { name: '＋ 新建旅程' }));
    expect(saved[0]?.language).toBe('zh-CN');
  });

  it('shows each listed journey’s language as a badge with a spoken name, and none where it is not known', async () => {
    await setLanguage('en');
    const { repository } = languageListingRepository();
    const base = { schemaVersion: 6 as const, description: '', settings: {}, nodes: [], edges: [], goals: [] } as unknown as JourneyDocument;
    for (const [id, name, language] of [
      ['zh', '中文旅程', 'zh-CN'],
      ['en', 'English journey', 'en'],
      ['old', 'Older journey', undefined],
    ] as const)
      await repository.save({ ...base, id, name, ...(language ? { language } : {}) }, { expectedRevision: null, writer: 'test' });
    renderHome(repository);
    const list = await screen.findByRole('list', { name: 'Journeys' });
    const open = (name: string) => within(list).getByRole('button', { name: new RegExp(`^${name}`) });
    await screen.findByText('English journey');
    expect(open('中文旅程')).toHaveAccessibleName(expect.stringContaining('Written in Chinese'));
    expect(within(open('中文旅程')).getByText('中文')).toHaveAttribute('aria-hidden', 'true');
    expect(open('English journey')).toHaveAccessibleName(expect.stringContaining('Written in English'));
    expect(within(open('English journey')).getByText('EN')).toBeInTheDocument();
    expect(open('Older journey')).not.toHaveAccessibleName(expect.stringMatching(/Written in/));
  });
});
