import { localized, type Localized } from '../i18n';
import { channelInfo, type Channel } from '../journey/channels';
import type { z } from 'zod';
import { describeDuration, parseDuration } from '../journey/duration';
import { eventLabel } from '../journey/events';
import type { Registry } from '../journey/registry';
import { branchKind } from '../journey/kinds/branch';
import { entryKind } from '../journey/kinds/entry';
import { splitKind } from '../journey/kinds/split';
import type { JourneyDocument, JourneyNode } from '../journey/schema';
import type { CohortSpec } from '../cohort/schema';
import type { CohortGenerator } from '../cohort/generate';
import { draw } from '../sim/math/random';
import type { TouchOutcome, TraceEntry } from '../sim/engine/trace';
import { explainCondition, formatNumber, timeText } from './explain';
import { formatMoney } from './formulas';
import { FactsSoFar, profileOf } from './profile';
import { explainTouch } from './touchWhy';

export { timeText };

/**
 * One user's trace told as a story, in both languages: who they are, then every step with its time,
 * channel and outcome, and at each decision why — the branch case that matched with the values it
 * read, the split's random draw (recomputed from its counter-based key, docs/simulation.md) against
 * the variants' ranges, the frequency cap, quiet hours or exit on goal that applied.
 */

export type StoryKind = 'profile' | 'enter' | 'branch' | 'split' | 'wait' | 'event' | 'touch' | 'offer' | 'redeem' | 'goal' | 'exit' | 'tag' | 'attribute' | 'churn';

export interface StoryStep {
  at: number;
  /** "Day 3, 14:05". */
  time: Localized;
  kind: StoryKind;
  text: Localized;
  why?: Localized;
  nodeId?: string;
  channel?: Channel;
  outcome?: TouchOutcome;
}

/** What telling a story needs of a run: its model (see sample.ts) has all of it. */
export interface StoryContext {
  journey: JourneyDocument;
  cohort: CohortSpec;
  generator: CohortGenerator;
  seed: number;
  registry: Registry;
}

/** Kinds whose visit the trace tells anyway (a touch, an offer, a branch's choice…): no separate "reached" step. */
const NARRATED_BY_OWN_ENTRIES: ReadonlySet<string> = new Set(['message', 'offer', 'branch', 'split', 'goal', 'exit', 'tag']);

/** Money in the journey's currency, as each language writes it: "CN¥12.50", "¥12.50". */
const moneyIn = (currency: string) => (value: number) => localized(formatMoney(value, currency, 'en'), formatMoney(value, currency, 'zh-CN'));
const quoted = (text: string) => localized(`“${text}”`, `“${text}”`);

export function storyOf(context: StoryContext, user: number, trace: readonly TraceEntry[]): StoryStep[] {
  const { journey, cohort, registry } = context;
  const money = moneyIn(journey.settings.currency);
  const nodes = new Map(journey.nodes.map((node) => [node.id, node]));
  const profile = profileOf(cohort, context.generator, user);
  const facts = new FactsSoFar(profile);
  const steps: StoryStep[] = [{ at: 0, time: timeText(0), kind: 'profile', text: profile.text }];
  const visits = new Map<string, number>();
  let lastPortTarget: string | null = null;
  let currentNode: string | null = null;
  let lastEvent: { at: number; event: string } | null = null;

  const push = (entry: TraceEntry, kind: StoryKind, text: Localized, extra: Partial<StoryStep> = {}) =>
    steps.push({ at: entry.at, time: timeText(entry.at), kind, text, ...extra });
  const labelOf = (id: string | null) => quoted(id === null ? '?' : (nodes.get(id)?.label ?? id));

  for (let index = 0; index < trace.length; index++) {
    const entry = trace[index]!;
    facts.now = entry.at;
    switch (entry.type) {
      case 'event': {
        facts.happened(entry.at, entry.event);
        lastEvent = { at: entry.at, event: entry.event };
        push(entry, 'event', eventText(entry, money), entry.channel ? { channel: entry.channel } : {});
        break;
      }
      case 'enter': {
        visits.set(entry.node, entry.visit);
        const node = nodes.get(entry.node);
        if (!node) break;
        const label = labelOf(entry.node);
        const kindName = registry.get(node.kind)?.name ?? localized(node.kind, node.kind);
        const again = entry.visit > 1 ? localized(` (visit ${entry.visit})`, `（第 ${entry.visit} 次）`) : localized('', '');
        if (node.kind === 'entry') {
          const trigger = entryWhy(node, lastEvent, entry.at, facts, cohort);
          push(entry, 'enter', localized(`Entered the journey at ${label.en}${again.en}.`, `在${label['zh-CN']}进入旅程${again['zh-CN']}。`), { nodeId: node.id, ...(trigger ? { why: trigger } : {}) });
        } else if (node.kind === 'goal' && lastPortTarget !== node.id) {
          const event = eventLabel(String(node.params.event ?? 'purchase'));
          const here = labelOf(currentNode);
          push(entry, 'enter', localized(`Moved straight to the goal ${label.en}.`, `直接进入目标${label['zh-CN']}。`), {
            nodeId: node.id,
            why: localized(
              `Exit on goal is on: doing “${event.en}” anywhere in the journey counts as reaching this goal, so the journey moved them here from ${here.en}.`,
              `已开启“达成目标即离开”：在旅程任何位置完成“${event['zh-CN']}”都算达成该目标，因此旅程把用户从${here['zh-CN']}直接移到这里。`,
            ),
          });
        } else if (node.kind === 'waitForEvent') {
          const event = eventLabel(String(node.params.event ?? 'purchase'));
          const timeout = parseDuration(String(node.params.timeout ?? 'P1D')) ?? 0;
          push(
            entry,
            'wait',
            localized(`Waits at ${label.en} up to ${describeDuration(timeout, 'en')} for “${event.en}”.`, `在${label['zh-CN']}等待“${event['zh-CN']}”，最多 ${describeDuration(timeout, 'zh-CN')}。`),
            { nodeId: node.id },
          );
        } else if (node.kind === 'wait') {
          const duration = parseDuration(String(node.params.duration ?? '')) ?? 0;
          push(entry, 'wait', localized(`Waits ${describeDuration(duration, 'en')} at ${label.en}.`, `在${label['zh-CN']}等待 ${describeDuration(duration, 'zh-CN')}。`), { nodeId: node.id });
        } else if (!NARRATED_BY_OWN_ENTRIES.has(node.kind))
          push(entry, 'enter', localized(`Reached ${label.en} (${kindName.en})${again.en}.`, `来到${label['zh-CN']}（${kindName['zh-CN']}）${again['zh-CN']}。`), { nodeId: node.id });
        lastPortTarget = null;
        currentNode = entry.node;
        break;
      }
      case 'port': {
        lastPortTarget = journey.edges.find((edge) => edge.source === entry.node && edge.sourcePort === entry.port)?.target ?? null;
        const node = nodes.get(entry.node);
        if (!node) break;
        const told = portStep(node, entry.port, visits.get(node.id) ?? 1, user, context, facts);
        if (told) push(entry, told.kind, told.text, { nodeId: node.id, ...(told.why ? { why: told.why } : {}) });
        break;
      }
      case 'touch': {
        const told = explainTouch(entry, trace.slice(0, index), journey);
        push(entry, 'touch', told.text, { nodeId: entry.node, channel: entry.channel, outcome: entry.outcome, ...(told.why ? { why: told.why } : {}) });
        break;
      }
      case 'offer':
        push(entry, 'offer', localized(`Received an offer worth ${money(entry.value).en} at ${labelOf(entry.node).en}.`, `在${labelOf(entry.node)['zh-CN']}获得价值 ${money(entry.value)['zh-CN']} 的优惠。`), { nodeId: entry.node });
        break;
      case 'redeem':
        push(entry, 'redeem', localized(`Used the ${money(entry.value).en} offer from ${labelOf(entry.node).en} on this order.`, `这笔订单用掉了${labelOf(entry.node)['zh-CN']}送出的 ${money(entry.value)['zh-CN']} 优惠。`), { nodeId: entry.node });
        break;
      case 'goal':
        push(entry, 'goal', localized(`Converted: reached the goal “${entry.goal}”.`, `转化成功：达成目标“${entry.goal}”。`), { nodeId: entry.node });
        break;
      case 'exit':
        push(entry, 'exit', exitText(entry.node === null ? null : labelOf(entry.node), entry.reason), entry.node ? { nodeId: entry.node } : {});
        break;
      case 'tag':
        if (entry.present) facts.tags.add(entry.tag);
        else facts.tags.delete(entry.tag);
        push(
          entry,
          'tag',
          entry.present ? localized(`Tagged “${entry.tag}”.`, `被打上标签“${entry.tag}”。`) : localized(`The tag “${entry.tag}” was removed.`, `标签“${entry.tag}”被移除。`),
          { nodeId: entry.node },
        );
        break;
      case 'attribute':
        facts.attributes[entry.attribute] = entry.value;
        push(entry, 'attribute', localized(`Their ${entry.attribute} was set to ${String(entry.value)}.`, `${entry.attribute} 被设为 ${String(entry.value)}。`), { nodeId: entry.node });
        break;
      case 'churn':
        push(
          entry,
          'churn',
          localized('After this order they stopped buying for good: they churned.', '这笔订单之后，用户再也没有购买：已流失。'),
          { why: localized('In the purchase model every order carries a small chance that the customer drops out for good; this time it came up.', '购买模型中，每次下单后客户都有一定概率永久流失，这一次恰好发生了。') },
        );
        break;
    }
  }
  return steps;
}

function eventText(entry: Extract<TraceEntry, { type: 'event' }>, money: (value: number) => Localized): Localized {
  const channel = entry.channel ? channelInfo[entry.channel].name : null;
  switch (entry.event) {
    case 'purchase':
      return localized(`Bought something for ${money(entry.value ?? 0).en}.`, `下单消费 ${money(entry.value ?? 0)['zh-CN']}。`);
    case 'open':
      return localized(`Opened the ${channel?.en ?? 'message'}.`, `打开了${channel?.['zh-CN'] ?? '消息'}。`);
    case 'click':
      return localized(`Clicked through from the ${channel?.en ?? 'message'}.`, `点击了${channel?.['zh-CN'] ?? '消息'}中的链接。`);
    case 'unsubscribe':
      return localized(`Unsubscribed from ${channel?.en ?? 'the channel'}.`, `退订了${channel?.['zh-CN'] ?? '该渠道'}。`);
    default: {
      const label = eventLabel(entry.event);
      return localized(`Did “${label.en}”.`, `发生行为“${label['zh-CN']}”。`);
    }
  }
}

function exitText(label: Localized | null, reason: string): Localized {
  if (label === null) return localized('Left the journey: the step they were on leads nowhere (an unconnected port).', '离开旅程：所在步骤的出口没有连线（死路）。');
  return reason
    ? localized(`Left the journey at ${label.en}: ${reason}.`, `在${label['zh-CN']}离开旅程：${reason}。`)
    : localized(`Left the journey at ${label.en}.`, `在${label['zh-CN']}离开旅程。`);
}

/**
 * A node's params as its kind's schema reads them, or null when they do not parse: a document that
 * skipped validation (a hand-edited file, an old recording) gets plain steps instead of a crash.
 */
function paramsOf<P>(kind: { params: z.ZodType<P> }, node: JourneyNode): P | null {
  const parsed = kind.params.safeParse(node.params);
  return parsed.success ? parsed.data : null;
}

function entryWhy(node: JourneyNode, lastEvent: { at: number; event: string } | null, at: number, facts: FactsSoFar, cohort: CohortSpec): Localized | null {
  const params = paramsOf(entryKind, node);
  if (!params) return null;
  const { trigger, filter } = params;
  const parts: Localized[] = [];
  if (trigger.type === 'event' && lastEvent && lastEvent.at === at && lastEvent.event === trigger.event) {
    const label = eventLabel(lastEvent.event);
    parts.push(localized(`Their “${label.en}” triggered this entry.`, `“${label['zh-CN']}”行为触发了进入。`));
  } else if (trigger.type === 'audience') parts.push(localized('The whole audience enters at launch.', '上线时整个受众一起进入。'));
  if (filter) {
    const verdict = explainCondition(filter, facts, cohort);
    parts.push(localized(`The entry filter let them in: ${verdict.text.en}.`, `符合进入条件：${verdict.text['zh-CN']}。`));
  }
  return parts.length > 0 ? localized(parts.map((part) => part.en).join(' '), parts.map((part) => part['zh-CN']).join('')) : null;
}

interface PortStep {
  kind: StoryKind;
  text: Localized;
  why?: Localized;
}

function portStep(node: JourneyNode, port: string, visit: number, user: number, context: StoryContext, facts: FactsSoFar): PortStep | null {
  const label = quoted(node.label || node.id);
  if (node.kind === 'branch') return branchStep(node, port, label, facts, context.cohort) ?? plainPortStep('branch', port, label);
  if (node.kind === 'split') return splitStep(node, port, visit, user, label, context.seed) ?? plainPortStep('split', port, label);
  if (node.kind === 'waitForEvent') {
    const event = eventLabel(String(node.params.event ?? 'purchase'));
    const timeout = describeDuration(parseDuration(String(node.params.timeout ?? 'P1D')) ?? 0, 'en');
    const timeoutZh = describeDuration(parseDuration(String(node.params.timeout ?? 'P1D')) ?? 0, 'zh-CN');
    return port === 'happened'
      ? { kind: 'wait', text: localized(`Did “${event.en}” while waiting at ${label.en}, so they moved on.`, `在${label['zh-CN']}等待期间完成了“${event['zh-CN']}”，于是继续往下走。`) }
      : { kind: 'wait', text: localized(`No “${event.en}” within ${timeout} at ${label.en}: the wait timed out.`, `在${label['zh-CN']}等了${timeoutZh}，没有“${event['zh-CN']}”：等待超时。`) };
  }
  return null;
}

/** A decision told without its why, when the node's params cannot say it. */
function plainPortStep(kind: StoryKind, port: string, label: Localized): PortStep {
  return { kind, text: localized(`At ${label.en} they left through “${port}”.`, `在${label['zh-CN']}从出口“${port}”离开。`) };
}

function branchStep(node: JourneyNode, port: string, label: Localized, facts: FactsSoFar, cohort: CohortSpec): PortStep | null {
  const cases = paramsOf(branchKind, node)?.cases;
  if (!cases) return null;
  const taken = port === 'else' ? cases.length : Number(port.replace('case-', '')) - 1;
  if (!Number.isInteger(taken) || taken < 0 || taken > cases.length) return null;
  const caseName = (index: number) =>
    index >= cases.length ? localized('“else”', '“其他”') : cases[index]!.label ? quoted(cases[index]!.label!) : localized(`case ${index + 1}`, `条件 ${index + 1}`);
  const reasons: Localized[] = [];
  for (let index = 0; index < Math.min(taken + 1, cases.length); index++) {
    const verdict = explainCondition(cases[index]!.condition, facts, cohort);
    const name = caseName(index);
    reasons.push(
      verdict.matched
        ? localized(`${name.en} matched: ${verdict.text.en}.`, `${name['zh-CN']}命中：${verdict.text['zh-CN']}。`)
        : localized(`${name.en} did not match: ${verdict.text.en}.`, `${name['zh-CN']}未命中：${verdict.text['zh-CN']}。`),
    );
  }
  if (taken >= cases.length) reasons.push(localized('No case matched, so they took “else”.', '所有条件都未命中，因此走“其他”。'));
  const name = caseName(taken);
  return {
    kind: 'branch',
    text: localized(`At ${label.en} they went down ${name.en}.`, `在${label['zh-CN']}走了${name['zh-CN']}分支。`),
    why: localized(`Cases are checked in order. ${reasons.map((reason) => reason.en).join(' ')}`, `按顺序判断条件。${reasons.map((reason) => reason['zh-CN']).join('')}`),
  };
}

function splitStep(node: JourneyNode, port: string, visit: number, user: number, label: Localized, seed: number): PortStep | null {
  const variants = paramsOf(splitKind, node)?.variants;
  if (!variants) return null;
  const index = Number(port.replace('variant-', '')) - 1;
  const variant = variants[index];
  if (!variant) return null;
  const name = variant?.label ? quoted(variant.label) : localized(`variant ${index + 1}`, `第 ${index + 1} 组`);
  const total = variants.reduce((sum, item) => sum + item.weight, 0) || 1;
  const from = variants.slice(0, index).reduce((sum, item) => sum + item.weight, 0) / total;
  const to = from + (variant?.weight ?? 0) / total;
  // The engines' own key: (seed, user, split id, visit, "split").
  const u = draw(seed, user, node.id, visit, 'split');
  const range = `${formatNumber(from)}–${formatNumber(to)}`;
  const share = `${formatNumber((variant?.weight ?? 0) * (100 / total))} %`;
  const holdout = variant?.holdout
    ? localized(' It is the holdout: the journey does nothing more for them, so they show what users do on their own.', '这是对照组：旅程不再对其做任何触达，用来衡量用户自然会怎么做。')
    : localized('', '');
  return {
    kind: 'split',
    text: localized(`At ${label.en} they were assigned to ${name.en}.`, `在${label['zh-CN']}被分到${name['zh-CN']}。`),
    why: localized(
      `The split’s random draw for them came up ${u.toFixed(3)}; ${name.en} takes draws from ${range} (${share} of users).${holdout.en}`,
      `该用户在此分流的随机数为 ${u.toFixed(3)}，落在${name['zh-CN']}的区间 ${range}（占用户的 ${share}）内。${holdout['zh-CN']}`,
    ),
  };
}
