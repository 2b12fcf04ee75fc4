// A message that announces offers (given before it "with the next message") wears a badge naming them
// on the canvas, worked out from the open journey and kept up to date as it is edited.
import { act, screen, within } from '@testing-library/react';
import { setLanguage } from '../../src/app/i18n/index.ts';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { edge, node } from '../fixtures/journeys';
import { measureOnObserve } from '../support/measureOnObserve';
import { renderCanvas } from '../support/renderCanvas';

/** Entry → coupon (next-touch) → SMS → push → exit: the SMS carries the coupon, the push does not. */
function couponJourney(couponLabel: string): JourneyDocument {
  const coupon = { ...node('coupon', 'offer', { offer: 'coupon', value: 20, minSpend: 99 }), label: couponLabel };
  const checked = checkJourney({
    schemaVersion: 4,
    id: 'coupons',
    name: 'Coupons',
    nodes: [
      node('start', 'entry', { trigger: { type: 'event', event: 'add_to_cart' } }),
      coupon,
      { ...node('sms', 'message', { channel: 'sms' }), label: 'Coupon SMS' },
      { ...node('push', 'message', { channel: 'push' }), label: 'Reminder push' },
      node('done', 'exit', { reason: 'done' }),
    ],
    edges: [edge('start', 'next', 'coupon'), edge('coupon', 'next', 'sms'), edge('sms', 'next', 'push'), edge('push', 'next', 'done')],
  });
  return checked.document!;
}

const nodeFrame = (id: string) => document.querySelector(`.react-flow__node[data-id="${id}"] .journey-node`) as HTMLElement;

describe('the offer badge on a message', () => {
  let restore: () => void;
  beforeEach(() => {
    restore = measureOnObserve();
  });
  afterEach(() => {
    restore();
    setLanguage('en');
  });

  it('names the offer on the first message after it, and on no other step', async () => {
    setLanguage('en');
    await renderCanvas({ journey: couponJourney('First-order coupon') });
    const badge = within(nodeFrame('sms')).getByRole('img', { name: 'Carries the offer First-order coupon' });
    expect(badge).toHaveTextContent('First-order coupon');
    expect(screen.getAllByRole('img', { name: /^Carries the offer/ })).toHaveLength(1);
    expect(nodeFrame('push').querySelector('.offer-carrier-badge')).toBeNull();
  });

  it('speaks Chinese', async () => {
    setLanguage('zh-CN');
    await renderCanvas({ journey: couponJourney('首单券') });
    expect(within(nodeFrame('sms')).getByRole('img', { name: '携带优惠：首单券' })).toBeInTheDocument();
  });

  it('follows edits: a renamed offer renames the badge, and an offer shown at checkout takes it away', async () => {
    setLanguage('en');
    const editor = await renderCanvas({ journey: couponJourney('First-order coupon') });
    const edit = (change: (coupon: JourneyDocument['nodes'][number]) => JourneyDocument['nodes'][number]) =>
      act(() => {
        const journey = editor.getState().journey!;
        editor.getState().change({ ...journey, nodes: journey.nodes.map((one) => (one.id === 'coupon' ? change(one) : one)) });
      });
    edit((coupon) => ({ ...coupon, label: 'Welcome coupon' }));
    expect(within(nodeFrame('sms')).getByRole('img', { name: 'Carries the offer Welcome coupon' })).toBeInTheDocument();
    edit((coupon) => ({ ...coupon, params: { ...coupon.params, announcement: 'at-checkout' } }));
    expect(screen.queryByRole('img', { name: /^Carries the offer/ })).toBeNull();
  });
});
