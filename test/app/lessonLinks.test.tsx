// A lesson arriving as a link (#/learn?lesson=…): it leaves the address before it is read, it is read
// after the screen is drawn (never during render), and whatever reading does — open, refuse, throw —
// ends in something shown while the page stays usable; a reload then opens the plain lessons screen.
import { render, screen, within } from '@testing-library/react';
import { App } from '../../src/app/App.tsx';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import type { AppServices } from '../../src/app/services';
import type * as Share from '../../src/core/lessons/share';
import { encodeLesson } from '../../src/core/lessons/share';
import { frequencyCapsLesson } from '../../src/core/lessons/builtin/frequencyCaps';
import type { LessonInput } from '../../src/core/lessons/schema';
import { bombLink } from '../support/linkBombs';

// Decoding the link named THROWS throws, as a link no limit foresaw could (a stack overflow, memory).
const THROWS = 'THROWS';
const decoded: string[] = [];
vi.mock('../../src/core/lessons/share', async (importOriginal) => {
  const actual = await importOriginal<typeof Share>();
  return {
    ...actual,
    decodeLesson: (encoded: string) => {
      decoded.push(encoded);
      if (encoded === THROWS) throw new RangeError('Maximum call stack size exceeded');
      return actual.decodeLesson(encoded);
    },
  };
});

const services = (): AppServices => ({ repository: createMemoryRepository(), tabId: 'test-tab', storageWarning: null });
const myLesson = { ...structuredClone(frequencyCapsLesson), id: 'my-caps', title: { en: 'My capping lesson', 'zh-CN': '我的频次课程' }, users: 300 } as LessonInput;

function openAt(hash: string) {
  window.location.hash = hash;
  return render(<App services={services()} />);
}

describe('opening a lesson link', () => {
  beforeAll(async () => {
    // The lessons screen's code loads when it is first shown (src/app/lazyScreens.tsx): load it once here,
    // so each test below draws the screen at once, as on any later visit, and sees its first frame.
    await setLanguage('en');
    window.location.hash = '#/learn';
    const view = render(<App services={services()} />);
    await screen.findByRole('heading', { name: 'Lessons', level: 2 });
    view.unmount();
  });

  beforeEach(async () => {
    await setLanguage('en');
    window.location.hash = '';
    decoded.length = 0;
  });

  it('takes the link out of the address before reading it, then offers the lesson', async () => {
    openAt(`#/learn?lesson=${encodeLesson(myLesson)}`);
    expect(window.location.hash).toBe('#/learn');
    // Not read while the screen was drawn: the screen says it is reading.
    const shared = screen.getByRole('region', { name: 'Shared lesson' });
    expect(within(shared).getByRole('status')).toHaveTextContent('Reading the lesson link…');
    expect(await within(shared).findByRole('button', { name: 'Start: My capping lesson' })).toBeInTheDocument();
    expect(decoded).toHaveLength(1);
  });

  it('shows a message when reading the link throws, keeps the page usable, and a reload opens the plain lessons screen', async () => {
    const view = openAt(`#/learn?lesson=${THROWS}`);
    expect(window.location.hash).toBe('#/learn');
    const alert = await within(screen.getByRole('region', { name: 'Shared lesson' })).findByRole('alert');
    expect(alert).toHaveTextContent('This lesson link cannot be opened:');
    expect(alert).toHaveTextContent('too large or too deeply nested for this browser');
    expect(screen.getByRole('list', { name: 'Built-in lessons' })).toBeInTheDocument();
    view.unmount();

    // The reload: the browser opens what the address now says.
    render(<App services={services()} />);
    expect(await screen.findByRole('heading', { name: 'Lessons', level: 2 })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Shared lesson' })).toBeNull();
    expect(decoded).toEqual([THROWS]);
  });

  it('refuses a decompression bomb with its own message, in the interface language', async () => {
    await setLanguage('zh-CN');
    openAt(`#/learn?lesson=${bombLink(6_500)}`);
    expect(window.location.hash).toBe('#/learn');
    expect(await screen.findByRole('alert')).toHaveTextContent('20,000,000');
  });

  it('reads a link pasted into the address while the lessons screen is open, and the same link again', async () => {
    openAt('#/learn');
    await screen.findByRole('heading', { name: 'Lessons', level: 2 });
    const link = `#/learn?lesson=${encodeLesson(myLesson)}`;
    for (let time = 1; time <= 2; time += 1) {
      window.location.hash = link;
      await vi.waitFor(() => expect(decoded).toHaveLength(time));
      expect(window.location.hash).toBe('#/learn');
      expect(await screen.findByRole('button', { name: 'Start: My capping lesson' })).toBeInTheDocument();
    }
  });
});
