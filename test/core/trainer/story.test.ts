import { draw } from '../../../src/core/sim/math/random';
import { findUser, recordSampleOf } from '../../../src/core/trainer/sample';
import { storyOf, timeText, type StoryStep } from '../../../src/core/trainer/story';
import type { JourneyNode } from '../../../src/core/journey/schema';
import { cohort, journey } from '../../sim/support';
import { edge, node } from '../../fixtures/journeys';
import { churnWinBackInput, churnWinBackSample } from './support';
import { say, inEnglish, inChinese, inBoth } from '../../support/messages.ts';

const all = (steps: StoryStep[], lang: 'en' | 'zh-CN') => steps.map((step) => `${say(step.text, lang)} ${say(step.why, lang) ?? ''}`).join('\n');

describe('the story of one user', () => {
  const sample = churnWinBackSample();

  it('is the same for the same seed and user', () => {
    const user = findUser(sample, 'any')!;
    const again = recordSampleOf(churnWinBackInput(), 1_500);
    expect(storyOf(again.model, user, again.traces.get(user)!)).toEqual(storyOf(sample.model, user, sample.traces.get(user)!));
  });

  it('opens with who the user is, from the cohort', () => {
    const user = findUser(sample, 'any')!;
    const [profile] = storyOf(sample.model, user, sample.traces.get(user)!);
    const synthetic = sample.model.generator.user(user);
    expect(profile!.kind).toBe('profile');
    expect(inEnglish(profile!.text)).toContain(`User #${user}`);
    expect(inEnglish(profile!.text)).toContain(`R${synthetic.rfm.recency} F${synthetic.rfm.frequency} M${synthetic.rfm.monetary}`);
    expect(inChinese(profile!.text)).toContain(`${user} 号用户`);
  });

  it('tells a converted user’s conversion, with its time, in both languages', () => {
    const user = findUser(sample, 'converted')!;
    const steps = storyOf(sample.model, user, sample.traces.get(user)!);
    const goal = steps.find((step) => step.kind === 'goal')!;
    const reached = sample.traces.get(user)!.find((entry) => entry.type === 'goal')!;
    expect(inEnglish(goal.text)).toContain('Converted');
    expect(inChinese(goal.text)).toContain('转化成功');
    expect(goal.at).toBe(reached.at);
    expect(inEnglish(goal.time)).toMatch(/^Day \d+, \d\d:\d\d$/);
  });

  it('explains a branch by the values its conditions read', () => {
    const user = sample.users.find((candidate) => sample.traces.get(candidate)!.some((entry) => entry.type === 'port' && entry.node === 'whyLeft'))!;
    const step = storyOf(sample.model, user, sample.traces.get(user)!).find((candidate) => candidate.kind === 'branch')!;
    const share = sample.model.generator.user(user).attributes.coupon_order_share as number;
    expect(inEnglish(step.why!)).toContain(`Share of orders with a coupon is ${Math.round(share * 100) / 100} (needs ≥ 0.5)`);
    expect(inChinese(step.why!)).toContain('用券订单占比为');
    const hasTag = sample.model.generator.user(user).tags.includes('price_sensitive');
    expect(inEnglish(step.why!)).toContain(hasTag ? 'has the tag “price_sensitive”' : 'does not have the tag “price_sensitive”');
  });

  it('explains a split by the draw its key gives, inside the variant’s range', () => {
    const user = findUser(sample, 'any')!;
    const step = storyOf(sample.model, user, sample.traces.get(user)!).find((candidate) => candidate.kind === 'split')!;
    const u = draw(sample.model.seed, user, 'holdoutSplit', 0, 'split');
    expect(inEnglish(step.why!)).toContain(u.toFixed(3));
    const port = sample.traces.get(user)!.find((entry) => entry.type === 'port' && entry.node === 'holdoutSplit');
    expect(port && port.type === 'port' && port.port).toBe(u < 0.9 ? 'variant-1' : 'variant-2');
  });

  it('says when the frequency cap protected a user, and when quiet hours held a touch', () => {
    const sms = (id: string) => ({ id, kind: 'message', params: { channel: 'sms' } });
    const input = {
      journey: journey([sms('first'), sms('second'), sms('third')], { frequencyCap: { touches: 2, window: 'P7D' }, quietHours: { start: '22:00', end: '08:00' } }),
      cohort: cohort(),
      seed: 3,
      users: 50,
    };
    const small = recordSampleOf(input, 50);
    const user = findUser(small, 'capProtected')!;
    const steps = storyOf(small.model, user, small.traces.get(user)!);
    const suppressed = steps.find((step) => step.outcome === 'suppressed')!;
    expect(inEnglish(suppressed.why!)).toContain('frequency cap allows at most 2 touches per 7 d');
    expect(inChinese(suppressed.why!)).toContain('频次上限');
    // Launch is midnight, inside quiet hours: the touches wait until 08:00.
    const deferred = steps.find((step) => step.outcome === 'deferred')!;
    expect(inEnglish(deferred.why!)).toContain('until 08:00');
    expect(all(steps, 'en')).toContain('Quiet hours over, the SMS “first” went out.');
  });

  it('counts days from launch day as day 0, as the playback bar and the dashboard do', () => {
    expect(inBoth(timeText(0))).toEqual({ en: 'Day 0, 00:00', 'zh-CN': '第 0 天 00:00' });
    expect(inBoth(timeText(3 * 86_400_000 + 14 * 3_600_000 + 5 * 60_000))).toEqual({ en: 'Day 3, 14:05', 'zh-CN': '第 3 天 14:05' });
  });

  it('tells money in the journey’s currency, in both languages', () => {
    const input = churnWinBackInput(7, 2_000);
    input.journey = { ...input.journey, settings: { ...input.journey.settings, currency: 'USD' } };
    const small = recordSampleOf(input, 500);
    const buyer = small.users.find((candidate) => small.traces.get(candidate)!.some((entry) => entry.type === 'event' && entry.event === 'purchase'))!;
    const bought = storyOf(small.model, buyer, small.traces.get(buyer)!).find((step) => step.kind === 'event' && inEnglish(step.text).startsWith('Bought'))!;
    expect(inEnglish(bought.text)).toMatch(/^Bought something for \$[\d,]+\.\d\d\.$/);
    expect(inChinese(bought.text)).toMatch(/^下单消费 US\$[\d,]+\.\d\d。$/);
    expect(all(storyOf(small.model, buyer, small.traces.get(buyer)!), 'en')).not.toContain('¥');
  });

  it('tells plain steps, not a crash, when a node’s params do not parse', () => {
    const user = findUser(sample, 'any')!;
    const trace = sample.traces.get(user)!;
    const broken = (node: JourneyNode): JourneyNode =>
      node.kind === 'entry' ? { ...node, params: { trigger: 5 } } : node.kind === 'branch' ? { ...node, params: { cases: 'oops' } } : node.kind === 'split' ? { ...node, params: { variants: null } } : node;
    const model = { ...sample.model, journey: { ...sample.model.journey, nodes: sample.model.journey.nodes.map(broken) } };
    const steps = storyOf(model, user, trace);
    const split = steps.find((step) => step.kind === 'split')!;
    expect(inEnglish(split.text)).toMatch(/^At “.+” they left through “variant-\d”\.$/);
    expect(split.why).toBeUndefined();
    expect(steps.find((step) => step.kind === 'enter')!.why).toBeUndefined();
  });

  it('says which channels cannot reach a user', () => {
    const input = { journey: journey([{ id: 'push', kind: 'message', params: { channel: 'push' } }]), cohort: cohort({}, { sms: 1 }), seed: 3, users: 5 };
    const small = recordSampleOf(input, 5);
    const steps = storyOf(small.model, 0, small.traces.get(0)!);
    expect(inEnglish(steps.find((step) => step.outcome === 'unreachable')!.why!)).toContain('not reachable on App push');
    expect(all(steps, 'zh-CN')).toContain('离开旅程');
  });

  it('says when exit on goal moved a user to the goal from where they were', () => {
    const input = {
      journey: {
        schemaVersion: 2,
        id: 'j',
        name: 'J',
        settings: { quietHours: null, frequencyCap: null, exitOnGoal: true },
        nodes: [node('start', 'entry', { trigger: { type: 'audience' } }), node('hold', 'wait', { duration: 'P60D' }), node('won', 'goal', { goal: 'Bought', event: 'purchase' }), node('out', 'exit', { reason: 'done' })],
        edges: [edge('start', 'next', 'hold'), edge('hold', 'next', 'out'), edge('won', 'next', 'out')],
      },
      cohort: cohort(),
      seed: 3,
      users: 200,
    };
    const small = recordSampleOf(input, 200);
    const user = findUser(small, 'converted')!;
    const jump = storyOf(small.model, user, small.traces.get(user)!).find((step) => step.kind === 'enter' && step.nodeId === 'won')!;
    expect(inEnglish(jump.why!)).toContain('Exit on goal is on');
    expect(inEnglish(jump.why!)).toContain('from “hold”');
    expect(inChinese(jump.why!)).toContain('达成目标即离开');
  });
});
