import { validate } from '../../src/core/journey/validate';
import { compileJourneyInput } from '../../src/core/compile/toMachine';
import { runScripted, type ScriptedEvent, type ScriptedRunResult } from '../support/scriptedRun';
import { draw } from '../../src/core/sim/math/random';
import { LAUNCH_EVENT } from '../../src/core/journey/kinds/entry';
import { languages, type Localized } from '../../src/core/i18n';
import type { MachineConfig } from '../../src/core/compile/machineConfig';
import type { JourneyUser } from '../../src/core/compile/runtime';
import { templates, getTemplate, templateSummaries, instantiateTemplate, type JourneyTemplate } from '../../src/core/templates/index';
import { inEnglish } from '../support/messages.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function template(id: string): JourneyTemplate {
  const found = getTemplate(id);
  if (!found) throw new Error(`No template "${id}"`);
  return found;
}

function compiled(id: string): MachineConfig {
  const result = compileJourneyInput(instantiateTemplate(template(id), 'en'));
  if (!result.ok) throw new Error(result.problems.map((problem) => inEnglish(problem.message)).join('\n'));
  return result.config;
}

/** The effects of one kind, without the fields a scenario does not care about. */
const touches = (run: ScriptedRunResult) => run.effects.flatMap((e) => (e.type === 'touch' ? [{ node: e.node, channel: e.channel, at: e.at }] : []));
const offers = (run: ScriptedRunResult) =>
  run.effects.flatMap((e) => (e.type === 'offer' ? [{ node: e.node, value: e.value, minSpend: e.minSpend, validityMs: e.validityMs, at: e.at }] : []));
const goals = (run: ScriptedRunResult) => run.effects.flatMap((e) => (e.type === 'goal' ? [{ goal: e.goal, at: e.at }] : []));
const exits = (run: ScriptedRunResult) => run.effects.flatMap((e) => (e.type === 'exit' ? [{ reason: e.reason, at: e.at }] : []));
const visitTimes = (run: ScriptedRunResult) => Object.fromEntries(run.effects.flatMap((e) => (e.type === 'visit' ? [[e.node, e.at]] : [])));

const user = (fields: Partial<JourneyUser>): Partial<JourneyUser> => fields;

/** Every localized text a template shows: name, description and node labels. */
function texts(t: JourneyTemplate): [string, Localized][] {
  return [['name', t.name], ['description', t.description], ...t.nodes.map((node): [string, Localized] => [`label of ${node.id}`, node.label])];
}

const CJK = /[\u4e00-\u9fff]/;

/** Every free text an operator reads in a node's params: message contents, goal names, exit reasons, case and variant labels. */
function paramTexts(journey: ReturnType<typeof instantiateTemplate>): [string, string][] {
  const found: [string, string][] = [];
  const text = (what: string, value: unknown) => {
    if (typeof value !== 'string') throw new Error(`${what} is not a string: ${JSON.stringify(value)}`);
    found.push([what, value]);
  };
  for (const node of journey.nodes ?? []) {
    const params = (node.params ?? {}) as Record<string, unknown>;
    const items = (key: string) => (Array.isArray(params[key]) ? (params[key] as Record<string, unknown>[]) : []);
    if (node.kind === 'message') text(`content of ${node.id}`, params.content);
    if (node.kind === 'goal') text(`goal of ${node.id}`, params.goal);
    if (node.kind === 'exit') text(`reason of ${node.id}`, params.reason ?? '');
    if (node.kind === 'branch') items('cases').forEach((item, index) => text(`label of case ${index + 1} of ${node.id}`, item.label ?? ''));
    if (node.kind === 'split') items('variants').forEach((item, index) => text(`label of variant ${index + 1} of ${node.id}`, item.label ?? ''));
  }
  return found;
}

describe('template catalogue', () => {
  it('holds the ten domain cases in case order, with unique ids', () => {
    expect(templates.map((t) => t.caseNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const ids = templates.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
    expect(getTemplate('cart-abandonment')?.caseNumber).toBe(3);
    expect(getTemplate('no-such-template')).toBeUndefined();
  });

  it('summarises every template in both languages', () => {
    for (const lang of languages) {
      const summaries = templateSummaries(lang);
      expect(summaries.map((s) => s.id)).toEqual(templates.map((t) => t.id));
      summaries.forEach((summary, index) => {
        const t = templates[index]!;
        expect(summary).toEqual({
          id: t.id,
          name: t.name[lang],
          description: t.description[lang],
          caseNumber: t.caseNumber,
          industry: t.industry,
          nodeCount: t.nodes.length,
        });
      });
    }
    expect(templateSummaries('zh-CN').find((s) => s.id === 'churn-win-back')?.name).toBe('按流失原因召回（含留出组）');
  });

  it('gives the win-back journey, the largest, between 15 and 21 nodes', () => {
    const largest = [...templates].sort((a, b) => b.nodes.length - a.nodes.length)[0]!;
    expect(largest.id).toBe('churn-win-back');
    expect(largest.nodes.length).toBeGreaterThanOrEqual(15);
    expect(largest.nodes.length).toBeLessThanOrEqual(21);
  });
});

describe.each(templates.map((t) => [t.id, t] as const))('template %s', (_id, t) => {
  it.each(languages)('validates in %s without errors, and without warnings except a win-back stage regression', (lang) => {
    const problems = validate(instantiateTemplate(t, lang));
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const warnings = problems.filter((problem) => problem.severity === 'warning').map((problem) => problem.code);
    expect(warnings).toEqual(t.id === 'churn-win-back' ? ['stage-regression'] : []);
  });

  it.each(languages)('compiles in %s', (lang) => {
    const result = compileJourneyInput(instantiateTemplate(t, lang));
    expect(result.ok).toBe(true);
  });

  it('has texts in both languages that differ, the Chinese ones in Chinese', () => {
    for (const [what, text] of texts(t)) {
      expect(text.en.trim(), `${what} (en)`).not.toBe('');
      expect(text['zh-CN'].trim(), `${what} (zh-CN)`).not.toBe('');
      expect(text['zh-CN'], `${what}`).not.toBe(text.en);
      expect(text['zh-CN'], `${what} (zh-CN)`).toMatch(CJK);
    }
  });

  it('writes message contents, goal names, exit reasons and case and variant labels in the chosen language', () => {
    const zh = paramTexts(instantiateTemplate(t, 'zh-CN'));
    const en = paramTexts(instantiateTemplate(t, 'en'));
    expect(zh.length).toBeGreaterThan(0);
    expect(zh.map(([what]) => what)).toEqual(en.map(([what]) => what));
    for (const [what, text] of zh) if (text.trim() !== '') expect(text, `${what} (zh-CN)`).toMatch(CJK);
    for (const [what, text] of en) expect(text, `${what} (en)`).not.toMatch(CJK);
  });

  it('describes itself in two or three sentences in each language', () => {
    const en = t.description.en.split(/(?<=[.!?])\s+/).filter(Boolean).length;
    const zh = (t.description['zh-CN'].match(/[。！？]/g) ?? []).length;
    expect(en).toBeGreaterThanOrEqual(2);
    expect(en).toBeLessThanOrEqual(3);
    expect(zh).toBeGreaterThanOrEqual(2);
    expect(zh).toBeLessThanOrEqual(3);
  });

  it('places nodes inside their stage lane so that none overlaps another', () => {
    for (const node of t.nodes) expect([0, 1], `row of ${node.id}`).toContain(node.at[1] ?? 0);
    const nodes = instantiateTemplate(t, 'en').nodes ?? [];
    for (const a of nodes)
      for (const b of nodes)
        if (a !== b && a.position!.x === b.position!.x) expect(Math.abs(a.position!.y - b.position!.y), `${a.id} / ${b.id}`).toBeGreaterThanOrEqual(90);
  });

  it('caps touches and leads every goal on to an exit', () => {
    expect(t.settings?.frequencyCap).toBeTruthy();
    const out = new Map<string, string[]>();
    for (const [source, , target] of t.edges) out.set(source, [...(out.get(source) ?? []), target]);
    const kindOf = new Map(t.nodes.map((node) => [node.id, node.kind]));
    for (const goal of t.nodes.filter((node) => node.kind === 'goal')) {
      expect(t.edges.some(([source, port]) => source === goal.id && port === 'next'), `goal ${goal.id} is connected`).toBe(true);
      // Every path on from the goal ends in an exit.
      const seen = new Set<string>();
      const stack = [goal.id];
      while (stack.length > 0) {
        const id = stack.pop()!;
        if (seen.has(id)) continue;
        seen.add(id);
        const next = out.get(id) ?? [];
        if (next.length === 0) expect(kindOf.get(id), `path from goal ${goal.id} ends at ${id}`).toBe('exit');
        stack.push(...next);
      }
    }
  });
});

describe('case 1 — new-user welcome', () => {
  const config = compiled('welcome-new-user');

  it('counts a first order on day 1 with the newcomer coupon', () => {
    const run = runScripted(config, [{ type: 'register', at: 0 }, { type: 'purchase', at: DAY }], { until: 10 * DAY });
    expect(run.visited).toEqual(['registered', 'newcomerCoupon', 'welcome', 'orders3d', 'firstOrder', 'tagBuyer', 'done']);
    expect(touches(run)).toEqual([{ node: 'welcome', channel: 'in_app', at: 0 }]);
    expect(offers(run)).toEqual([{ node: 'newcomerCoupon', value: 30, minSpend: 99, validityMs: 7 * DAY, at: 0 }]);
    expect(goals(run)).toEqual([{ goal: 'First order', at: DAY }]);
    expect(run.effects).toContainEqual(expect.objectContaining({ type: 'tag', tag: 'first_order_done', present: true }));
    expect(exits(run)).toEqual([{ reason: 'converted', at: DAY }]);
    expect(run.finalState).toBe('__done');
  });

  it('nudges a user who opened the app by push, then reminds before the coupon expires, then gives up', () => {
    const run = runScripted(config, [{ type: 'register', at: 0 }, { type: 'visit', at: 2 * DAY }], { until: 10 * DAY });
    expect(run.visited).toEqual([
      'registered', 'newcomerCoupon', 'welcome', 'orders3d', 'usesApp', 'pushNudge', 'orders3dMore', 'expiryReminder', 'lastDay', 'giveUp',
    ]);
    expect(touches(run).map(({ channel, at }) => [channel, at])).toEqual([['in_app', 0], ['push', 3 * DAY], ['wechat_oa', 6 * DAY]]);
    expect(exits(run)).toEqual([{ reason: 'no first order in 7 days', at: 7 * DAY }]);
    expect(run.finalState).toBe('__done');
  });

  it('nudges a user who has not opened the app in 3 days by SMS, who then orders', () => {
    // A visit before registering is outside the 3 days the branch looks back on.
    const run = runScripted(config, [{ type: 'visit', at: 0 }, { type: 'register', at: HOUR }, { type: 'purchase', at: 4 * DAY }], { until: 10 * DAY });
    expect(run.visited).toEqual(['registered', 'newcomerCoupon', 'welcome', 'orders3d', 'usesApp', 'smsNudge', 'orders3dMore', 'firstOrder', 'tagBuyer', 'done']);
    expect(touches(run).map((touch) => touch.channel)).toEqual(['in_app', 'sms']);
    expect(goals(run)).toEqual([{ goal: 'First order', at: 4 * DAY }]);
  });

  it('leaves users who never register outside', () => {
    const run = runScripted(config, [{ type: 'purchase', at: DAY }], { until: 10 * DAY });
    expect(run.visited).toEqual([]);
    expect(run.finalState).toBe('__outside');
  });
});

describe('case 2 — intent without order (four entries)', () => {
  const config = compiled('intent-without-order');

  it('sends new registrants top picks by push; they order on day 2', () => {
    const run = runScripted(config, [{ type: 'register', at: 0 }, { type: 'purchase', at: 2 * DAY }], { until: 10 * DAY });
    expect(run.visited).toEqual(['registered', 'topPicks', 'orders3d', 'firstOrder', 'converted']);
    expect(touches(run).map((touch) => touch.channel)).toEqual(['push']);
    expect(offers(run)).toEqual([]);
    expect(goals(run)).toEqual([{ goal: 'First order', at: 2 * DAY }]);
  });

  it('shows deep visitors a comparison guide, reminds once by SMS, then gives up', () => {
    const run = runScripted(config, [{ type: 'deep_visit', at: 0 }], { until: 10 * DAY });
    expect(run.visited).toEqual(['deepVisits', 'compareGuide', 'orders3d', 'lastNudge', 'orders2d', 'giveUp']);
    expect(touches(run).map(({ channel, at }) => [channel, at])).toEqual([['in_app', 0], ['sms', 3 * DAY]]);
    expect(exits(run)).toEqual([{ reason: 'no order after two touches', at: 5 * DAY }]);
  });

  it('does not let in a deep visitor who ordered within the last 30 days', () => {
    const run = runScripted(config, [{ type: 'purchase', at: 0 }, { type: 'deep_visit', at: DAY }], { until: 10 * DAY });
    expect(run.visited).toEqual([]);
    expect(run.finalState).toBe('__outside');
  });

  it('gives coupon-page visitors a claimed coupon; they order after the last reminder', () => {
    const run = runScripted(config, [{ type: 'coupon_page_view', at: 0 }, { type: 'purchase', at: 4 * DAY }], { until: 10 * DAY });
    expect(run.visited).toEqual(['couponPage', 'pageCoupon', 'pagePush', 'orders3d', 'lastNudge', 'orders2d', 'firstOrder', 'converted']);
    expect(offers(run).map(({ value, minSpend, validityMs }) => [value, minSpend, validityMs])).toEqual([[15, 99, 3 * DAY]]);
    expect(touches(run).map((touch) => touch.channel)).toEqual(['push', 'sms']);
  });

  it('cares for users who cancelled their first order on WeCom, with a coupon', () => {
    const run = runScripted(config, [{ type: 'cancel_order', at: 0 }, { type: 'purchase', at: DAY }], { until: 10 * DAY, user: user({ attributes: { order_count: 0 } }) });
    expect(run.visited).toEqual(['cancelledFirst', 'careMessage', 'careCoupon', 'orders3d', 'firstOrder', 'converted']);
    expect(touches(run).map((touch) => touch.channel)).toEqual(['wecom']);
    expect(offers(run).map(({ value, minSpend }) => [value, minSpend])).toEqual([[20, 129]]);
  });

  it('ignores cancellations by customers who have ordered before', () => {
    const run = runScripted(config, [{ type: 'cancel_order', at: 0 }], { until: 10 * DAY, user: user({ attributes: { order_count: 4 } }) });
    expect(run.visited).toEqual([]);
  });

  it('lets a user in once: a second signal while inside does not start another path', () => {
    const run = runScripted(config, [{ type: 'register', at: 0 }, { type: 'coupon_page_view', at: HOUR }], { until: DAY });
    expect(run.visited).toEqual(['registered', 'topPicks', 'orders3d']);
    expect(run.finalState).toBe('orders3d');
  });
});

describe('case 3 — cart abandonment', () => {
  const config = compiled('cart-abandonment');

  it('buys within 24 hours without any touch', () => {
    const run = runScripted(config, [{ type: 'add_to_cart', at: 0 }, { type: 'purchase', at: 5 * HOUR }], { until: 10 * DAY });
    expect(run.visited).toEqual(['added', 'wait24', 'bought', 'done']);
    expect(touches(run)).toEqual([]);
    expect(run.finalState).toBe('__done');
  });

  it('buys after the reminder', () => {
    const run = runScripted(config, [{ type: 'add_to_cart', at: 0 }, { type: 'purchase', at: 30 * HOUR }], { until: 10 * DAY });
    expect(run.visited).toEqual(['added', 'wait24', 'remind', 'wait48', 'bought', 'done']);
    expect(touches(run)).toEqual([{ node: 'remind', channel: 'push', at: 24 * HOUR }]);
    expect(offers(run)).toEqual([]);
    expect(goals(run)).toEqual([{ goal: 'Order', at: 30 * HOUR }]);
  });

  it('never buys: reminder, coupon, SMS, then give up after six days', () => {
    const run = runScripted(config, [{ type: 'add_to_cart', at: 0 }], { until: 10 * DAY });
    expect(run.visited).toEqual(['added', 'wait24', 'remind', 'wait48', 'coupon', 'couponSms', 'wait72', 'giveUp']);
    expect(touches(run).map(({ channel, at }) => [channel, at])).toEqual([['push', 24 * HOUR], ['sms', 72 * HOUR]]);
    expect(offers(run).map(({ value, minSpend, at }) => [value, minSpend, at])).toEqual([[20, 199, 72 * HOUR]]);
    expect(exits(run)).toEqual([{ reason: 'no purchase after coupon', at: 6 * DAY }]);
  });
});

describe('case 4 — churn win-back with a holdout', () => {
  const config = compiled('churn-win-back');
  const churn: ScriptedEvent = { type: 'churn_risk', at: 0 };
  // The split draws from (seed, user, node, 0, "split") — a user's arm for the whole run; the holdout is the top 10 % of draws.
  const inHoldout = (id: number, seed = 1) => draw(seed, id, 'holdoutSplit', 0, 'split') >= 0.9;
  const userIds = Array.from({ length: 200 }, (_, id) => id);
  const treated = userIds.find((id) => !inHoldout(id))!;
  const holdout = userIds.find((id) => inHoldout(id))!;

  it('assigns about 10 % of users to the holdout, exactly as the random draw says', () => {
    const arms = userIds.map((id) => {
      const run = runScripted(config, [churn], { until: HOUR, user: user({ id }) });
      return run.visited[2];
    });
    arms.forEach((arm, id) => expect(arm, `user ${id}`).toBe(inHoldout(id) ? 'holdoutWait' : 'whyLeft'));
    const held = arms.filter((arm) => arm === 'holdoutWait').length;
    expect(held).toBeGreaterThanOrEqual(8);
    expect(held).toBeLessThanOrEqual(35);
    expect(arms.filter((arm) => arm === 'whyLeft').length).toBe(200 - held);
  });

  it('keeps a user in the same arm on every run with the same seed', () => {
    const first = runScripted(config, [churn], { until: HOUR, user: user({ id: holdout }) });
    const again = runScripted(config, [churn], { until: HOUR, user: user({ id: holdout }) });
    expect(again.visited).toEqual(first.visited);
  });

  it('walks a price-sensitive user who never returns up the whole coupon ladder', () => {
    const run = runScripted(config, [churn], { until: 30 * DAY, user: user({ id: treated, tags: ['price_sensitive'] }) });
    expect(run.visited).toEqual([
      'churnWarning', 'holdoutSplit', 'whyLeft',
      'ladder1', 'ladder1Sms', 'ladder1Wait',
      'ladder2', 'ladder2Push', 'ladder2Wait',
      'ladder3', 'ladder3Wecom', 'ladder3Wait',
      'notWonBack',
    ]);
    expect(offers(run).map(({ value, minSpend, at }) => [value, minSpend, at])).toEqual([[10, 79, 0], [20, 99, 7 * DAY], [40, 149, 14 * DAY]]);
    expect(touches(run).map(({ channel, at }) => [channel, at])).toEqual([['sms', 0], ['push', 7 * DAY], ['wecom', 14 * DAY]]);
    expect(exits(run)).toEqual([{ reason: 'not won back', at: 21 * DAY }]);
    expect(goals(run)).toEqual([]);
  });

  it('wins back a coupon-heavy user (by attribute) on the second rung', () => {
    const run = runScripted(config, [churn, { type: 'purchase', at: 9 * DAY }], { until: 30 * DAY, user: user({ id: treated, attributes: { coupon_order_share: 0.6 } }) });
    expect(run.visited).toEqual(['churnWarning', 'holdoutSplit', 'whyLeft', 'ladder1', 'ladder1Sms', 'ladder1Wait', 'ladder2', 'ladder2Push', 'ladder2Wait', 'wonBack', 'wonBackExit']);
    expect(offers(run).map((offer) => offer.value)).toEqual([10, 20]);
    expect(goals(run)).toEqual([{ goal: 'Won back', at: 9 * DAY }]);
    expect(exits(run)).toEqual([{ reason: 'won back', at: 9 * DAY }]);
  });

  it('sends a compensation coupon with an apology to a user who cancelled twice lately', () => {
    const script: ScriptedEvent[] = [{ type: 'cancel_order', at: 0 }, { type: 'cancel_order', at: DAY }, { type: 'churn_risk', at: 10 * DAY }, { type: 'purchase', at: 15 * DAY }];
    const run = runScripted(config, script, { until: 40 * DAY, user: user({ id: treated }) });
    expect(run.visited).toEqual(['churnWarning', 'holdoutSplit', 'whyLeft', 'compensation', 'apology', 'returns14d', 'wonBack', 'wonBackExit']);
    expect(touches(run).map(({ channel, at }) => [channel, at])).toEqual([['sms', 10 * DAY]]);
    expect(offers(run).map(({ value, minSpend, validityMs }) => [value, minSpend, validityMs])).toEqual([[30, 99, 14 * DAY]]);
  });

  it('takes the price-sensitive case first when a user is also a complainer', () => {
    const run = runScripted(config, [churn], { until: HOUR, user: user({ id: treated, tags: ['complained', 'price_sensitive'] }) });
    expect(run.visited).toEqual(['churnWarning', 'holdoutSplit', 'whyLeft', 'ladder1', 'ladder1Sms', 'ladder1Wait']);
    const complainer = runScripted(config, [churn], { until: HOUR, user: user({ id: treated, tags: ['complained'] }) });
    expect(complainer.visited).toEqual(['churnWarning', 'holdoutSplit', 'whyLeft', 'compensation', 'apology', 'returns14d']);
  });

  it('gives loyal lapsed users an exclusive right, and lets them go after 14 days', () => {
    const run = runScripted(config, [churn], { until: 30 * DAY, user: user({ id: treated }) });
    expect(run.visited).toEqual(['churnWarning', 'holdoutSplit', 'whyLeft', 'exclusiveRight', 'rightWecom', 'returns14d', 'notWonBack']);
    expect(offers(run).map(({ node, value, validityMs }) => [node, value, validityMs])).toEqual([['exclusiveRight', 50, 30 * DAY]]);
    expect(touches(run).map((touch) => touch.channel)).toEqual(['wecom']);
    expect(exits(run)).toEqual([{ reason: 'not won back', at: 14 * DAY }]);
  });

  it('touches nobody in the holdout, whatever their profile, and still counts those who return', () => {
    const idle = runScripted(config, [churn], { until: 30 * DAY, user: user({ id: holdout, tags: ['price_sensitive'] }) });
    expect(idle.visited).toEqual(['churnWarning', 'holdoutSplit', 'holdoutWait', 'notWonBack']);
    expect(touches(idle)).toEqual([]);
    expect(offers(idle)).toEqual([]);
    expect(exits(idle)).toEqual([{ reason: 'not won back', at: 21 * DAY }]);
    const back = runScripted(config, [churn, { type: 'purchase', at: 5 * DAY }], { until: 30 * DAY, user: user({ id: holdout }) });
    expect(back.visited).toEqual(['churnWarning', 'holdoutSplit', 'holdoutWait', 'wonBack', 'wonBackExit']);
    expect(goals(back)).toEqual([{ goal: 'Won back', at: 5 * DAY }]);
  });

  it('leaves out one-off buyers (RFM frequency below 2)', () => {
    const run = runScripted(config, [churn], { until: DAY, user: user({ id: treated, rfm: { recency: 1, frequency: 1, monetary: 2 } }) });
    expect(run.visited).toEqual([]);
    expect(run.finalState).toBe('__outside');
  });
});

describe('case 5 — 4S maintenance reminders by RFM layer', () => {
  const config = compiled('rfm-service-reminder');
  const due: ScriptedEvent = { type: 'service_due', at: 0 };

  it('has the service adviser call recent high spenders, who book within days', () => {
    const run = runScripted(config, [due, { type: 'purchase', at: 3 * DAY }], { until: 40 * DAY, user: user({ rfm: { recency: 5, frequency: 2, monetary: 4 } }) });
    expect(run.visited).toEqual(['serviceDue', 'rfmLayer', 'valetRight', 'adviserCall', 'books14d', 'serviced', 'servicedExit']);
    expect(touches(run)).toEqual([{ node: 'adviserCall', channel: 'call', at: 0 }]);
    expect(offers(run).map(({ node, value }) => [node, value])).toEqual([['valetRight', 120]]);
    expect(goals(run)).toEqual([{ goal: 'Serviced', at: 3 * DAY }]);
  });

  it('reminds frequent visitors on WeCom, then on the official account, then tags them lapsed', () => {
    const run = runScripted(config, [due], { until: 40 * DAY, user: user({ rfm: { recency: 2, frequency: 4, monetary: 3 } }) });
    expect(run.visited).toEqual(['serviceDue', 'rfmLayer', 'loyalVoucher', 'loyalWecom', 'books14d', 'secondReminder', 'books14dMore', 'tagLapsed', 'lapsedExit']);
    expect(touches(run).map(({ channel, at }) => [channel, at])).toEqual([['wecom', 0], ['wechat_oa', 14 * DAY]]);
    expect(run.effects).toContainEqual(expect.objectContaining({ type: 'tag', tag: 'service_lapsed', present: true, at: 28 * DAY }));
    expect(exits(run)).toEqual([{ reason: 'no service after two reminders', at: 28 * DAY }]);
  });

  it('sends everyone else an SMS voucher; they book after the second reminder', () => {
    const run = runScripted(config, [due, { type: 'purchase', at: 20 * DAY }], { until: 40 * DAY, user: user({ rfm: { recency: 2, frequency: 1, monetary: 2 } }) });
    expect(run.visited).toEqual(['serviceDue', 'rfmLayer', 'basicVoucher', 'basicSms', 'books14d', 'secondReminder', 'books14dMore', 'serviced', 'servicedExit']);
    expect(offers(run).map(({ value, minSpend }) => [value, minSpend])).toEqual([[50, 300]]);
    expect(touches(run).map((touch) => touch.channel)).toEqual(['sms', 'wechat_oa']);
  });

  it('needs both recency and monetary for the top layer', () => {
    const recentButSmall = runScripted(config, [due], { until: HOUR, user: user({ rfm: { recency: 5, frequency: 1, monetary: 2 } }) });
    expect(recentButSmall.visited).toEqual(['serviceDue', 'rfmLayer', 'basicVoucher', 'basicSms', 'books14d']);
    const recentBigFrequent = runScripted(config, [due], { until: HOUR, user: user({ rfm: { recency: 4, frequency: 5, monetary: 5 } }) });
    expect(recentBigFrequent.visited).toEqual(['serviceDue', 'rfmLayer', 'valetRight', 'adviserCall', 'books14d']);
  });
});

describe('case 6 — parents’ class for enrolled parents who consult', () => {
  const config = compiled('parents-class');
  const consult: ScriptedEvent = { type: 'consult', at: 0 };
  const enrolledParent = user({ segment: 'parents', tags: ['enrolled'] });

  it('invites an enrolled parent to the class, then sells the renewal after it', () => {
    const run = runScripted(config, [consult, { type: 'form_submit', at: DAY }, { type: 'purchase', at: 12 * DAY }], { until: 40 * DAY, user: enrolledParent });
    expect(run.visited).toEqual([
      'consulted', 'isEnrolled', 'classSeat', 'classInvite', 'signsUp', 'tagAttendee', 'classWeek', 'renewalCoupon', 'renewalWecom', 'renews14d', 'renewed', 'renewedExit',
    ]);
    expect(touches(run).map(({ channel, at }) => [channel, at])).toEqual([['wecom', 0], ['wecom', 8 * DAY]]);
    expect(offers(run).map(({ node, value, minSpend }) => [node, value, minSpend])).toEqual([['classSeat', 199, 0], ['renewalCoupon', 300, 3000]]);
    expect(run.effects).toContainEqual(expect.objectContaining({ type: 'tag', tag: 'parents_class', present: true, at: DAY }));
    expect(goals(run)).toEqual([{ goal: 'Renewal', at: 12 * DAY }]);
  });

  it('jumps to the renewal goal when a parent renews during the class week (exit on goal)', () => {
    const run = runScripted(config, [consult, { type: 'form_submit', at: DAY }, { type: 'purchase', at: 3 * DAY }], { until: 40 * DAY, user: enrolledParent });
    expect(run.visited).toEqual(['consulted', 'isEnrolled', 'classSeat', 'classInvite', 'signsUp', 'tagAttendee', 'classWeek', 'renewed', 'renewedExit']);
    expect(offers(run).map((offer) => offer.node)).toEqual(['classSeat']);
    expect(goals(run)).toEqual([{ goal: 'Renewal', at: 3 * DAY }]);
    expect(run.finalState).toBe('__done');
  });

  it('offers the renewal to an enrolled parent who skips the class, and lets them go', () => {
    const run = runScripted(config, [consult], { until: 40 * DAY, user: enrolledParent });
    expect(run.visited).toEqual(['consulted', 'isEnrolled', 'classSeat', 'classInvite', 'signsUp', 'renewalCoupon', 'renewalWecom', 'renews14d', 'noRenewal']);
    expect(touches(run).map((touch) => touch.at)).toEqual([0, 3 * DAY]);
    expect(exits(run)).toEqual([{ reason: 'no renewal', at: 17 * DAY }]);
  });

  it('gives a parent who has not enrolled a free trial lesson instead', () => {
    const run = runScripted(config, [consult, { type: 'enrol', at: 2 * DAY }], { until: 40 * DAY, user: user({ segment: 'parents' }) });
    expect(run.visited).toEqual(['consulted', 'isEnrolled', 'trialLesson', 'trialSms', 'enrols7d', 'enrolment', 'enrolledExit']);
    expect(touches(run).map((touch) => touch.channel)).toEqual(['sms']);
    expect(goals(run)).toEqual([{ goal: 'Enrolment', at: 2 * DAY }]);
    const notYet = runScripted(config, [consult], { until: 40 * DAY, user: user({ segment: 'parents' }) });
    expect(notYet.visited).toEqual(['consulted', 'isEnrolled', 'trialLesson', 'trialSms', 'enrols7d', 'notEnrolled']);
    expect(exits(notYet)).toEqual([{ reason: 'no enrolment after trial offer', at: 7 * DAY }]);
  });

  it('leaves out people outside the parents segment, enrolled or not', () => {
    const run = runScripted(config, [consult], { until: DAY, user: user({ segment: 'students', tags: ['enrolled'] }) });
    expect(run.visited).toEqual([]);
    expect(run.finalState).toBe('__outside');
  });
});

describe('case 7 — rainy-day lunch coupon', () => {
  const config = compiled('rainy-day-lunch');
  // The simulated clock starts at midnight: 10 * HOUR is 10:00 on day one.
  const lunchOrderer = user({ tags: ['lunch_orderer'] });

  it('waits until 11:00, pushes a three-hour lunch coupon, and counts the order', () => {
    const run = runScripted(config, [{ type: 'weather_rain', at: 10 * HOUR }, { type: 'purchase', at: 12 * HOUR }], { until: 13 * HOUR, user: lunchOrderer });
    expect(run.visited).toEqual(['rainAlert', 'untilLunch', 'lunchCoupon', 'lunchPush', 'ordersLunch', 'rainyOrder', 'orderedExit']);
    expect(visitTimes(run)).toMatchObject({ rainAlert: 10 * HOUR, lunchCoupon: 11 * HOUR, rainyOrder: 12 * HOUR });
    expect(offers(run)).toEqual([{ node: 'lunchCoupon', value: 8, minSpend: 30, validityMs: 3 * HOUR, at: 11 * HOUR }]);
    expect(touches(run)).toEqual([{ node: 'lunchPush', channel: 'push', at: 11 * HOUR }]);
    expect(run.finalState).toBe('__cooldown');
  });

  it('counts an order placed before the coupon goes out (exit on goal from a plain wait)', () => {
    const run = runScripted(config, [{ type: 'weather_rain', at: 10 * HOUR }, { type: 'purchase', at: 10.5 * HOUR }], { until: 13 * HOUR, user: lunchOrderer });
    expect(run.visited).toEqual(['rainAlert', 'untilLunch', 'rainyOrder', 'orderedExit']);
    expect(touches(run)).toEqual([]);
    expect(offers(run)).toEqual([]);
    expect(goals(run)).toEqual([{ goal: 'Rainy-day order', at: 10.5 * HOUR }]);
  });

  it('follows up at 17:00 with a dinner coupon, then leaves for the day', () => {
    const run = runScripted(config, [{ type: 'weather_rain', at: 10 * HOUR }], { until: 21 * HOUR, user: lunchOrderer });
    expect(run.visited).toEqual(['rainAlert', 'untilLunch', 'lunchCoupon', 'lunchPush', 'ordersLunch', 'untilDinner', 'dinnerCoupon', 'dinnerPopup', 'ordersDinner', 'noOrderExit']);
    expect(touches(run).map(({ channel, at }) => [channel, at])).toEqual([['push', 11 * HOUR], ['in_app', 17 * HOUR]]);
    expect(exits(run)).toEqual([{ reason: 'no order today', at: 20 * HOUR }]);
    expect(run.finalState).toBe('__cooldown');
  });

  it('enters again on the next rainy day, once the cooldown is over', () => {
    const script: ScriptedEvent[] = [
      { type: 'weather_rain', at: 10 * HOUR },
      { type: 'weather_rain', at: 34 * HOUR },
      { type: 'purchase', at: 35.5 * HOUR },
    ];
    const run = runScripted(config, script, { until: 36 * HOUR, user: lunchOrderer });
    const day1 = ['rainAlert', 'untilLunch', 'lunchCoupon', 'lunchPush', 'ordersLunch', 'untilDinner', 'dinnerCoupon', 'dinnerPopup', 'ordersDinner', 'noOrderExit'];
    const day2 = ['rainAlert', 'untilLunch', 'lunchCoupon', 'lunchPush', 'ordersLunch', 'rainyOrder', 'orderedExit'];
    expect(run.visited).toEqual([...day1, ...day2]);
    expect(run.effects).toContainEqual({ type: 'visit', node: 'rainAlert', visit: 2, at: 34 * HOUR });
    expect(goals(run)).toEqual([{ goal: 'Rainy-day order', at: 35.5 * HOUR }]);
  });

  it('ignores rain during the cooldown and users who do not order lunch', () => {
    const cooling = runScripted(config, [{ type: 'weather_rain', at: 10 * HOUR }, { type: 'weather_rain', at: 25 * HOUR }], { until: 33 * HOUR, user: lunchOrderer });
    expect(cooling.visited.filter((node) => node === 'rainAlert')).toHaveLength(1);
    expect(cooling.finalState).toBe('__outside');
    const other = runScripted(config, [{ type: 'weather_rain', at: 10 * HOUR }], { until: 21 * HOUR });
    expect(other.visited).toEqual([]);
  });
});

describe('case 8 — WeChat private-domain lead capture', () => {
  const config = compiled('wechat-lead-capture');

  it('turns a keyword reply into a lead, then an MQL', () => {
    const run = runScripted(config, [{ type: 'keyword_reply', at: 0 }, { type: 'form_submit', at: DAY }, { type: 'mql', at: 5 * DAY }], { until: 30 * DAY });
    expect(run.visited).toEqual(['keywordReply', 'autoReply', 'fillsForm', 'lead', 'adviser', 'becomesMql', 'mql', 'qualifiedExit']);
    expect(touches(run).map(({ channel, at }) => [channel, at])).toEqual([['wechat_oa', 0], ['wecom', DAY]]);
    expect(goals(run)).toEqual([{ goal: 'Lead', at: DAY }, { goal: 'MQL', at: 5 * DAY }]);
    expect(exits(run)).toEqual([{ reason: 'qualified', at: 5 * DAY }]);
  });

  it('brings a landing-page bouncer in by SMS and the community; the lead does not qualify', () => {
    const run = runScripted(config, [{ type: 'landing_bounce', at: 0 }, { type: 'form_submit', at: 5 * DAY }], { until: 30 * DAY });
    expect(run.visited).toEqual(['landingBounce', 'formSms', 'fillsForm', 'communityInvite', 'fillsForm7d', 'lead', 'adviser', 'becomesMql', 'tagNurture', 'nurtureExit']);
    expect(touches(run).map(({ channel, at }) => [channel, at])).toEqual([['sms', 0], ['community', 3 * DAY], ['wecom', 5 * DAY]]);
    expect(goals(run)).toEqual([{ goal: 'Lead', at: 5 * DAY }]);
    expect(run.effects).toContainEqual(expect.objectContaining({ type: 'tag', tag: 'nurture', present: true }));
    expect(exits(run)).toEqual([{ reason: 'not qualified in 14 days', at: 19 * DAY }]);
  });

  it('lets go of prospects who never fill in the form', () => {
    const run = runScripted(config, [{ type: 'keyword_reply', at: 0 }], { until: 30 * DAY });
    expect(run.visited).toEqual(['keywordReply', 'autoReply', 'fillsForm', 'communityInvite', 'fillsForm7d', 'noLead']);
    expect(goals(run)).toEqual([]);
    expect(exits(run)).toEqual([{ reason: 'no form after community invite', at: 10 * DAY }]);
  });

  it('jumps to the MQL goal when a prospect qualifies before filling in the form', () => {
    const run = runScripted(config, [{ type: 'keyword_reply', at: 0 }, { type: 'mql', at: DAY }], { until: 30 * DAY });
    expect(run.visited).toEqual(['keywordReply', 'autoReply', 'fillsForm', 'mql', 'qualifiedExit']);
    expect(goals(run)).toEqual([{ goal: 'MQL', at: DAY }]);
  });
});

describe('case 9 — member tier upgrade', () => {
  const config = compiled('member-tier-upgrade');
  const launch: ScriptedEvent = { type: LAUNCH_EVENT, at: 0 };
  const nearGold = user({ attributes: { member_tier: 'silver', points: 850 } });

  it('upgrades a member who reaches the Gold points during the trial', () => {
    const run = runScripted(config, [launch, { type: 'tier_points', at: 3 * DAY }], { until: 30 * DAY, user: nearGold });
    expect(run.visited).toEqual(['nearGold', 'goldTrial', 'doublePoints', 'trialPush', 'reachesGold', 'upgraded', 'setGold', 'goldGift', 'goldWelcome', 'goldExit']);
    expect(offers(run).map(({ node, value, validityMs }) => [node, value, validityMs])).toEqual([
      ['goldTrial', 30, 7 * DAY],
      ['doublePoints', 20, 14 * DAY],
      ['goldGift', 50, 30 * DAY],
    ]);
    expect(run.effects).toContainEqual({ type: 'attribute', node: 'setGold', attribute: 'member_tier', value: 'gold', at: 3 * DAY });
    expect(touches(run).map(({ channel, at }) => [channel, at])).toEqual([['push', 0], ['wecom', 3 * DAY]]);
    expect(goals(run)).toEqual([{ goal: 'Tier upgrade', at: 3 * DAY }]);
  });

  it('gives a member who bought but fell short one more coupon, which gets them there', () => {
    const script: ScriptedEvent[] = [launch, { type: 'purchase', at: 5 * DAY }, { type: 'tier_points', at: 16 * DAY }];
    const run = runScripted(config, script, { until: 30 * DAY, user: nearGold });
    expect(run.visited).toEqual([
      'nearGold', 'goldTrial', 'doublePoints', 'trialPush', 'reachesGold', 'boughtMeanwhile', 'topUpCoupon', 'topUpSms', 'reachesGold7d', 'upgraded', 'setGold', 'goldGift', 'goldWelcome', 'goldExit',
    ]);
    expect(touches(run).map(({ channel, at }) => [channel, at])).toEqual([['push', 0], ['sms', 14 * DAY], ['wecom', 16 * DAY]]);
  });

  it('tags members who did not buy for a later upgrade push, without a coupon', () => {
    const run = runScripted(config, [launch], { until: 30 * DAY, user: nearGold });
    expect(run.visited).toEqual(['nearGold', 'goldTrial', 'doublePoints', 'trialPush', 'reachesGold', 'boughtMeanwhile', 'tagNurture', 'silverExit']);
    expect(run.effects).toContainEqual(expect.objectContaining({ type: 'tag', tag: 'upgrade_nurture', present: true, at: 14 * DAY }));
    expect(run.effects.some((effect) => effect.type === 'attribute')).toBe(false);
    expect(exits(run)).toEqual([{ reason: 'did not reach gold', at: 14 * DAY }]);
  });

  it('tags members whose extra coupon did not get them there', () => {
    const run = runScripted(config, [launch, { type: 'purchase', at: 5 * DAY }], { until: 30 * DAY, user: nearGold });
    expect(run.visited.slice(-5)).toEqual(['topUpCoupon', 'topUpSms', 'reachesGold7d', 'tagNurture', 'silverExit']);
    expect(exits(run)).toEqual([{ reason: 'did not reach gold', at: 21 * DAY }]);
  });

  it('enters only silver members with 800 points or more, and only at launch', () => {
    for (const attributes of [{ member_tier: 'silver', points: 500 }, { member_tier: 'gold', points: 2000 }, {}] as Record<string, string | number>[]) {
      const run = runScripted(config, [launch], { until: DAY, user: user({ attributes }) });
      expect(run.visited, JSON.stringify(attributes)).toEqual([]);
    }
    expect(runScripted(config, [], { until: DAY, user: nearGold }).visited).toEqual([]);
  });
});

describe('case 10 — Mid-Autumn campaign by city group', () => {
  const config = compiled('holiday-city-groups');

  it('starts a week after launch and offers northern cities Beijing-style mooncakes by SMS', () => {
    const beijing = user({ attributes: { region: 'beijing' } });
    expect(runScripted(config, [], { until: 6 * DAY, user: beijing })).toMatchObject({ visited: [], finalState: '__outside' });
    const run = runScripted(config, [{ type: 'purchase', at: 10 * DAY }], { until: 30 * DAY, user: beijing });
    expect(run.visited).toEqual(['campaignStart', 'cityGroup', 'northCoupon', 'northSms', 'orders10d', 'holidayOrder', 'orderedExit']);
    expect(visitTimes(run)).toMatchObject({ campaignStart: 7 * DAY, holidayOrder: 10 * DAY });
    expect(offers(run).map(({ value, minSpend }) => [value, minSpend])).toEqual([[30, 199]]);
    expect(touches(run)).toEqual([{ node: 'northSms', channel: 'sms', at: 7 * DAY }]);
    expect(goals(run)).toEqual([{ goal: 'Holiday order', at: 10 * DAY }]);
  });

  it.each([
    ['shenzhen', ['southCoupon', 'southOa'], 'wechat_oa', [50]],
    ['harbin', ['northCoupon', 'northSms'], 'sms', [30]],
    ['hangzhou', ['eastPush'], 'push', []],
  ] as const)('gives %s its own group’s touch, then one last SMS before the festival', (region, arm, channel, values) => {
    const run = runScripted(config, [], { until: 30 * DAY, user: user({ attributes: { region } }) });
    expect(run.visited).toEqual(['campaignStart', 'cityGroup', ...arm, 'orders10d', 'lastCall', 'orders2d', 'noOrder']);
    expect(offers(run).map((offer) => offer.value)).toEqual(values);
    expect(touches(run).map((touch) => [touch.channel, touch.at])).toEqual([[channel, 7 * DAY], ['sms', 17 * DAY]]);
    expect(exits(run)).toEqual([{ reason: 'no order before the festival', at: 19 * DAY }]);
  });

  it('lets customers in other cities, or with no region, leave at once', () => {
    for (const attributes of [{ region: 'chengdu' }, {}] as Record<string, string>[]) {
      const run = runScripted(config, [], { until: 30 * DAY, user: user({ attributes }) });
      expect(run.visited).toEqual(['campaignStart', 'cityGroup', 'otherCities']);
      expect(touches(run)).toEqual([]);
      expect(exits(run)).toEqual([{ reason: 'city not in campaign', at: 7 * DAY }]);
    }
  });

  it('never contacts customers who have complained', () => {
    const run = runScripted(config, [], { until: 30 * DAY, user: user({ attributes: { region: 'shanghai' }, tags: ['complained'] }) });
    expect(run.visited).toEqual([]);
    expect(run.finalState).toBe('__outside');
  });
});
