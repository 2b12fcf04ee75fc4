// Comments on the canvas: the comment overlay draws a count on each step with comments, named for
// assistive technology in the page's language, beside another overlay's badges (combineOverlays),
// and nothing once the journey's comments are cleared.
import { act, screen, within } from '@testing-library/react';
import { combineOverlays, type CanvasOverlay } from '../../src/app/canvas/overlay';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { commentOverlay } from '../../src/app/workspace/comments/commentOverlay';
import { commentStore } from '../../src/app/workspace/comments/commentStore';
import type { JourneyComment } from '../../src/app/workspace/comments/comments';
import { measureOnObserve } from '../support/measureOnObserve';
import { renderCanvas } from '../support/renderCanvas';

const frame = (id: string) => document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"] .journey-node`)!;
const comment = (id: number, nodeId: string | null): JourneyComment => ({ id, nodeId, version: 1, author: 'a@example.com', text: `c${id}`, createdAt: '2026-03-01T11:00:00.000Z' });
/** Another overlay's badge (the simulation's, say) on the entry step. */
const otherOverlay: CanvasOverlay = { useNodeBadges: () => new Map([['start', <span key="other" data-testid="other-badge">42</span>]]) };

describe('comment counts on the canvas', () => {
  let restore: () => void;
  beforeEach(async () => {
    await setLanguage('en');
    restore = measureOnObserve();
  });
  afterEach(async () => {
    restore();
    act(() => commentStore.getState().clear('basic'));
    await setLanguage('en');
  });

  it('draws each step’s count, beside another overlay’s badge, and nothing once cleared', async () => {
    commentStore.getState().show('basic', [comment(1, 'start'), comment(2, null), comment(3, 'start'), comment(4, 'remind')]);
    await renderCanvas({ overlay: combineOverlays(otherOverlay, commentOverlay) });
    expect(within(frame('start')).getByRole('img', { name: '2 comments' })).toBeInTheDocument();
    expect(within(frame('start')).getByTestId('other-badge')).toBeInTheDocument();
    expect(within(frame('remind')).getByRole('img', { name: '1 comment' })).toBeInTheDocument();
    expect(within(frame('waitBuy')).queryByRole('img', { name: /comment/ })).not.toBeInTheDocument();

    // A comment written here counts at once; the journey's panel gone, the counts go too.
    act(() => commentStore.getState().add('basic', comment(5, 'waitBuy')));
    expect(within(frame('waitBuy')).getByRole('img', { name: '1 comment' })).toBeInTheDocument();
    act(() => commentStore.getState().clear('basic'));
    expect(screen.queryByRole('img', { name: /comment/ })).not.toBeInTheDocument();
    expect(within(frame('start')).getByTestId('other-badge')).toBeInTheDocument();
  });

  it('names the count in Chinese', async () => {
    await setLanguage('zh-CN');
    commentStore.getState().show('basic', [comment(1, 'bought'), comment(2, 'bought'), comment(3, 'bought')]);
    await renderCanvas({ overlay: commentOverlay });
    expect(within(frame('bought')).getByRole('img', { name: '3 条评论' })).toBeInTheDocument();
  });
});
