// Journeys for the simulation benchmark (bench/simulation.ts): the largest built-in template and a
// 20-node journey made for the benchmark, both with a 90-day horizon.
import type { JourneyDocumentInput } from '../src/core/journey';
import { templates, instantiateTemplate } from '../src/core/templates';

export const BENCH_HORIZON = 'P90D';

type Edge = [source: string, port: string, target: string];

/**
 * A 20-node e-commerce journey that uses every kind the engines know, with every port connected:
 * an audience entry with a filter, messages on four channels (push, e-mail, SMS, WeChat official
 * account), two fixed waits, four waits for events (click, visit, and a purchase for the treated and
 * for the holdout, which gets no touch), a branch on a tag and an RFM score, an A/B split with a 10 %
 * holdout, a coupon, two tag steps, two goals and two exits. It has no loop, so no user can run away, and it reads only tags, events and
 * scores the e-commerce preset models.
 */
export function benchmarkJourney(): JourneyDocumentInput {
  const nodes: JourneyDocumentInput['nodes'] = [
    { id: 'entry', kind: 'entry', stage: 'awareness', label: 'Everyone without a complaint', params: { trigger: { type: 'audience' }, filter: { tag: 'complained', present: false } } },
    { id: 'welcome', kind: 'message', stage: 'awareness', label: 'Push: new season', params: { channel: 'push', content: 'The new season is in.' } },
    { id: 'clicked', kind: 'waitForEvent', stage: 'awareness', label: 'Clicked within 2 days?', params: { event: 'click', timeout: 'P2D' } },
    { id: 'engaged', kind: 'goal', stage: 'exploration', label: 'Engaged', params: { goal: 'Engaged', event: 'click' } },
    {
      id: 'who',
      kind: 'branch',
      stage: 'exploration',
      label: 'Who are they?',
      params: {
        cases: [
          { label: 'Price-sensitive', condition: { tag: 'price_sensitive', present: true } },
          { label: 'Recent buyers', condition: { rfm: 'recency', op: '>=', score: 4 } },
        ],
      },
    },
    { id: 'coolOff', kind: 'wait', stage: 'exploration', label: 'Cool-off', params: { duration: 'P3D' } },
    { id: 'digest', kind: 'message', stage: 'exploration', label: 'E-mail digest', params: { channel: 'email', content: 'What is new this week.' } },
    { id: 'visited', kind: 'waitForEvent', stage: 'exploration', label: 'Visited within 5 days?', params: { event: 'visit', timeout: 'P5D' } },
    {
      id: 'ab',
      kind: 'split',
      stage: 'decision',
      label: 'Coupon or content?',
      params: {
        variants: [
          { label: 'Coupon', weight: 45, holdout: false },
          { label: 'Content', weight: 45, holdout: false },
          { label: 'Holdout', weight: 10, holdout: true },
        ],
      },
    },
    { id: 'coupon', kind: 'offer', stage: 'decision', label: '¥20 off ¥99', params: { offer: 'coupon', value: 20, minSpend: 99, validity: 'P7D' } },
    { id: 'couponSms', kind: 'message', stage: 'decision', label: 'SMS: your coupon', params: { channel: 'sms', content: 'A ¥20 coupon on orders over ¥99, 7 days.' } },
    { id: 'article', kind: 'message', stage: 'decision', label: 'WeChat article', params: { channel: 'wechat_oa', content: 'How our buyers style it.' } },
    { id: 'settle', kind: 'wait', stage: 'decision', label: 'Let it land', params: { duration: 'P1D' } },
    { id: 'nurtured', kind: 'tag', stage: 'decision', label: 'Tag: nurtured', params: { action: 'add', tag: 'nurtured' } },
    { id: 'buy', kind: 'waitForEvent', stage: 'decision', label: 'Buys within 14 days?', params: { event: 'purchase', timeout: 'P14D' } },
    { id: 'bought', kind: 'goal', stage: 'usage', label: 'Purchase', params: { goal: 'Purchase', event: 'purchase' } },
    { id: 'done', kind: 'exit', stage: 'usage', label: 'Converted', params: { reason: 'converted' } },
    { id: 'holdoutBuy', kind: 'waitForEvent', stage: 'decision', label: 'Holdout buys within 14 days?', params: { event: 'purchase', timeout: 'P14D' } },
    { id: 'lapsedTag', kind: 'tag', stage: 'loyalty', label: 'Tag: lapsed', params: { action: 'add', tag: 'lapsed' } },
    { id: 'lapsed', kind: 'exit', stage: 'loyalty', label: 'No response', params: { reason: 'no response' } },
  ];
  const edges: Edge[] = [
    ['entry', 'next', 'welcome'],
    ['welcome', 'next', 'clicked'],
    ['clicked', 'happened', 'engaged'],
    ['clicked', 'timeout', 'who'],
    ['engaged', 'next', 'ab'],
    ['who', 'case-1', 'ab'],
    ['who', 'case-2', 'digest'],
    ['who', 'else', 'coolOff'],
    ['coolOff', 'next', 'digest'],
    ['digest', 'next', 'visited'],
    ['visited', 'happened', 'ab'],
    ['visited', 'timeout', 'lapsedTag'],
    ['ab', 'variant-1', 'coupon'],
    ['ab', 'variant-2', 'article'],
    ['ab', 'variant-3', 'holdoutBuy'],
    ['coupon', 'next', 'couponSms'],
    ['couponSms', 'next', 'buy'],
    ['article', 'next', 'settle'],
    ['settle', 'next', 'nurtured'],
    ['nurtured', 'next', 'buy'],
    ['buy', 'happened', 'bought'],
    ['buy', 'timeout', 'lapsedTag'],
    ['holdoutBuy', 'happened', 'bought'],
    ['holdoutBuy', 'timeout', 'lapsed'],
    ['bought', 'next', 'done'],
    ['lapsedTag', 'next', 'lapsed'],
  ];
  // Columns in visiting order, 260 px apart; the lane (stage) gives y.
  const positioned = nodes.map((node, index) => ({ ...node, position: { x: index * 260, y: 20 } }));
  return {
    schemaVersion: 6,
    id: 'bench-simulation-20',
    name: 'Simulation benchmark (20 nodes)',
    description: 'Made for bench/simulation.ts: every node kind, four channels, a split with a holdout.',
    settings: { horizon: BENCH_HORIZON },
    nodes: positioned,
    edges: edges.map(([source, port, target]) => ({ id: `${source}-${port}`, source, sourcePort: port, target })),
  };
}

/** The built-in template with the most nodes (in English), its horizon set to 90 days. */
export function largestTemplate(): { id: string; document: JourneyDocumentInput } {
  let best: { id: string; document: JourneyDocumentInput } | null = null;
  for (const template of templates) {
    const document = instantiateTemplate(template, 'en');
    if (!best || (document.nodes?.length ?? 0) > (best.document.nodes?.length ?? 0)) best = { id: template.id, document };
  }
  if (!best) throw new Error('There are no templates.');
  return { id: best.id, document: { ...best.document, settings: { ...best.document.settings, horizon: BENCH_HORIZON } } };
}

/**
 * A journey no one enters: its entry waits for an event the cohort never does. Simulating it is the
 * behaviour model alone (each user's traits, their own purchases, the counters), with next to nothing
 * of the journey — the least a kernel can do per user, which caps its speedup over the reference.
 */
export function behaviourOnlyJourney(): JourneyDocumentInput {
  return {
    schemaVersion: 6,
    id: 'bench-behaviour-only',
    name: 'Behaviour model alone (no one enters)',
    description: 'Made for bench/simulation.ts: an entry on an event no user of the cohort does.',
    settings: { horizon: BENCH_HORIZON },
    nodes: [
      { id: 'entry', kind: 'entry', stage: 'awareness', label: 'Never', params: { trigger: { type: 'event', event: 'bench_never_happens' } }, position: { x: 0, y: 20 } },
      { id: 'exit', kind: 'exit', stage: 'awareness', label: 'Exit', params: { reason: 'done' }, position: { x: 260, y: 20 } },
    ],
    edges: [{ id: 'entry-next', source: 'entry', sourcePort: 'next', target: 'exit' }],
  };
}
