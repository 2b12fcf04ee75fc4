// Deterministic journeys for the editor benchmark (bench/run.mjs), in journey file format v1
// (src/core/journey/schema.ts).
//
// A journey of N nodes is made of ⌊N / 15⌋ copies of one 15-node block with 20 edges (so 300 nodes
// give 400 edges: ~4N/3) plus, for the remainder, a short linear tail (entry → messages/waits → goal →
// exit). Each block uses every kind with its ports connected — entry, messages on three channels, a
// wait-for-event with both ports, a branch with three cases and "else", an A/B split with a holdout,
// an offer, a tag, a wait, two goals and two exits — and has no error-level problems (warnings such as
// the frequency cap may appear, as they do in real journeys).
//
// Layout follows the lanes (src/core/journey/lanes.ts): a lane is 200 px high starting at
// laneTop(stage) = stageIndex × 200; nodes sit at laneTop + 20, in columns 260 px apart (COLUMN_GAP of
// src/core/editor/commands.ts); each block takes three columns and three nodes per lane, blocks side
// by side, so 300 nodes span 60 columns (15,600 px).
//
//   node bench/journeys.mjs 300 > big.journey.json     prints one (validate it with npx journey-lab validate -)

import { fileURLToPath } from 'node:url';

export const STAGES = ['awareness', 'exploration', 'decision', 'usage', 'loyalty'];
export const LANE_HEIGHT = 200;
export const COLUMN_GAP = 260;
// One row per lane, 20 px below its top: nodes are 80–190 px tall (a branch with four ports is the
// tallest), so a second row at +110 would overlap the first.
const NODE_TOP = 20;
const BLOCK_COLUMNS = 3;
const BLOCK_NODES = 15;

export const laneTop = (stage) => STAGES.indexOf(stage) * LANE_HEIGHT;

const CHANNELS = ['sms', 'push', 'email', 'wechat_oa', 'wecom', 'in_app'];
const EVENTS = ['register', 'add_to_cart', 'coupon_page_view', 'form_submit', 'enrol', 'consult'];

/**
 * One block: [local id, kind, stage, column, label, params, edges as [port, local target id]]; three
 * nodes per lane, one per column.
 * Ports per kind: entry/message/offer/wait/tag/goal "next"; waitForEvent "happened"/"timeout";
 * branch "case-1".."case-n"/"else"; split "variant-1".."variant-n"; exit none.
 */
function blockSpec(b) {
  const channel = (k) => CHANNELS[(b + k) % CHANNELS.length];
  return [
    ['entry', 'entry', 'awareness', 0, `Entry ${b + 1}`, { trigger: { type: 'event', event: EVENTS[b % EVENTS.length] }, filter: null }, [['next', 'hello']]],
    ['hello', 'message', 'awareness', 1, `Welcome ${b + 1}`, { channel: channel(0), content: `Welcome to block ${b + 1}: here is what you get.` }, [['next', 'clicked']]],
    ['clicked', 'waitForEvent', 'awareness', 2, 'Clicked?', { event: 'click', timeout: 'P1D', filter: null }, [['happened', 'engaged'], ['timeout', 'segment']]],
    ['engaged', 'goal', 'exploration', 0, 'Engaged', { goal: `Engaged ${b + 1}`, event: 'click' }, [['next', 'ab']]],
    [
      'segment',
      'branch',
      'exploration',
      1,
      'Who are they?',
      {
        cases: [
          { label: 'VIP', condition: { tag: 'vip', present: true } },
          { label: 'Recent', condition: { rfm: 'recency', op: '>=', score: 4 } },
          { label: 'Local', condition: { attribute: 'city', op: '=', value: 'Shanghai' } },
        ],
      },
      [['case-1', 'push'], ['case-2', 'mail'], ['case-3', 'pause'], ['else', 'giveUp']],
    ],
    ['push', 'message', 'exploration', 2, 'Reminder', { channel: channel(1), content: 'Still thinking it over?' }, [['next', 'coupon']]],
    [
      'ab',
      'split',
      'decision',
      0,
      'A/B test',
      {
        variants: [
          { label: 'A', weight: 45, holdout: false },
          { label: 'B', weight: 45, holdout: false },
          { label: 'Control', weight: 10, holdout: true },
        ],
      },
      [['variant-1', 'coupon'], ['variant-2', 'tagged'], ['variant-3', 'bought']],
    ],
    ['mail', 'message', 'decision', 1, 'Digest', { channel: channel(2), content: '' }, [['next', 'tagged']]],
    ['pause', 'wait', 'decision', 2, 'Cool-off', { duration: 'P2D' }, [['next', 'tagged']]],
    ['coupon', 'offer', 'usage', 0, 'Coupon', { offer: 'coupon', value: 20, minSpend: 99, validity: 'P7D' }, [['next', 'buy']]],
    ['tagged', 'tag', 'usage', 1, 'Tag nurtured', { action: 'add', tag: 'nurtured', attribute: '', value: '' }, [['next', 'buy']]],
    ['buy', 'waitForEvent', 'usage', 2, 'Bought?', { event: 'purchase', timeout: 'P3D', filter: null }, [['happened', 'bought'], ['timeout', 'lapsed']]],
    ['bought', 'goal', 'loyalty', 0, 'Purchase', { goal: 'Purchase', event: 'purchase' }, [['next', 'lapsed']]],
    ['giveUp', 'exit', 'loyalty', 1, 'Not for us', { reason: 'no matching segment' }, []],
    ['lapsed', 'exit', 'loyalty', 2, 'Done', { reason: 'journey over' }, []],
  ];
}

/** The tail for the nodes left over: entry → (message | wait)… → goal → exit, at least 2 nodes. */
function tailSpec(count) {
  const spec = [];
  for (let i = 0; i < count; i += 1) {
    const stage = STAGES[Math.min(STAGES.length - 1, Math.floor((i * STAGES.length) / count))];
    const last = i === count - 1;
    const kind = i === 0 ? 'entry' : last ? 'exit' : i === count - 2 ? 'goal' : i % 2 === 1 ? 'message' : 'wait';
    const params = {
      entry: { trigger: { type: 'audience' }, filter: null },
      message: { channel: CHANNELS[i % CHANNELS.length], content: `Tail message ${i}` },
      wait: { duration: 'P1D' },
      goal: { goal: 'Tail goal', event: 'purchase' },
      exit: { reason: 'tail over' },
    }[kind];
    spec.push([`s${i}`, kind, stage, i, `Tail ${i + 1}`, params, last ? [] : [['next', `s${i + 1}`]]]);
  }
  return spec;
}

/**
 * A valid journey document with `nodeCount` nodes (≥ 2) and ~4/3 as many edges.
 * Same arguments, same document: no clock, no randomness.
 */
export function generateJourney(nodeCount, { id = `bench-${nodeCount}`, name = `Benchmark journey (${nodeCount} nodes)` } = {}) {
  if (!Number.isInteger(nodeCount) || nodeCount < 2) throw new Error(`nodeCount must be an integer ≥ 2, got ${nodeCount}`);
  let blocks = Math.floor(nodeCount / BLOCK_NODES);
  let rest = nodeCount - blocks * BLOCK_NODES;
  if (rest === 1) {
    // A one-node tail cannot be a path; make it a 16-node tail instead.
    blocks -= 1;
    rest += BLOCK_NODES;
  }
  const parts = [];
  for (let b = 0; b < blocks; b += 1) parts.push({ prefix: `b${b + 1}_`, column: b * BLOCK_COLUMNS, spec: blockSpec(b) });
  if (rest > 0) parts.push({ prefix: 't_', column: blocks * BLOCK_COLUMNS, spec: tailSpec(rest) });

  const nodes = [];
  const edges = [];
  for (const { prefix, column, spec } of parts) {
    for (const [local, kind, stage, col, label, params, out] of spec) {
      const nodeId = `${prefix}${local}`;
      nodes.push({ id: nodeId, kind, stage, position: { x: (column + col) * COLUMN_GAP, y: laneTop(stage) + NODE_TOP }, label, params });
      for (const [port, target] of out) edges.push({ id: `${nodeId}-${port}`, source: nodeId, sourcePort: port, target: `${prefix}${target}` });
    }
  }
  return {
    schemaVersion: 1,
    id,
    name,
    description: `Generated by bench/journeys.mjs: ${nodes.length} nodes, ${edges.length} edges.`,
    settings: {
      horizon: 'P90D',
      frequencyCap: { touches: 3, window: 'P7D' },
      quietHours: { start: '22:00', end: '08:00' },
      exitOnGoal: true,
      reentry: { policy: 'never' },
      channelCosts: {},
      currency: 'CNY',
    },
    nodes,
    edges,
  };
}

/**
 * The journeys the benchmark opens: the small baseline first, then the large one, then a very large
 * generated one (400 columns, 104,000 px wide) that only a canvas drawing what is on screen opens fast.
 */
export const BENCH_JOURNEYS = [
  { key: 'baseline', nodes: 20, title: 'baseline (20 nodes)' },
  { key: 'large', nodes: 300, title: '300 nodes' },
  { key: 'generated', nodes: 2000, title: '2,000 nodes (generated)' },
];

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const count = Number(process.argv[2] ?? 300);
  process.stdout.write(`${JSON.stringify(generateJourney(count), null, 2)}\n`);
}
