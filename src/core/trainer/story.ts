import { localized, type Localized } from '../i18n';
import { channelInfo, type Channel } from '../journey/channels';
import { eventLabel } from '../journey/events';
import type { Registry } from '../journey/registry';
import type { JourneyDocument } from '../journey/schema';
import type { CohortSpec } from '../cohort/schema';
import type { CohortGenerator } from '../cohort/generate';
import type { TouchOutcome, TraceEntry } from '../sim/engine/trace';
import { timeText } from './explain';
import { formatMoney } from './formulas';
import { FactsSoFar, profileOf } from './profile';
import { quoted, type StoryKind } from './storyLine';
import { explainTouch } from './touchWhy';

export { timeText };
export type { StoryKind, StoryLine, StoryEnterContext, StoryPortContext } from './storyLine';

/**
 * One user's trace told as a story, in both languages: who they are, then every step with its time,
 * channel and outcome, and at each decision why — the branch case that matched with the values it
 * read, the split's random draw (recomputed from its counter-based key, docs/simulation.md) against
 * the variants' ranges, the frequency cap, quiet hours or exit on goal that applied. What a node's
 * entry and ports tell is its kind's (NodeKindDefinition.story), so a new kind tells its own part.
 */

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

/** Money in the journey's currency, as each language writes it: "CN¥12.50", "¥12.50". */
const moneyIn = (currency: string) => (value: number) => localized(formatMoney(value, currency, 'en'), formatMoney(value, currency, 'zh-CN'));

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
        const again = entry.visit > 1 ? localized(` (visit ${entry.visit})`, `（第 ${entry.visit} 次）`) : localized('', '');
        const kind = registry.get(node.kind);
        if (kind?.story?.enter) {
          const told = kind.story.enter(node, { at: entry.at, label, again, throughPort: lastPortTarget === node.id, from: labelOf(currentNode), lastEvent, facts, cohort });
          if (told) push(entry, told.kind, told.text, { nodeId: node.id, ...(told.why ? { why: told.why } : {}) });
        } else {
          const kindName = kind?.name ?? localized(node.kind, node.kind);
          push(entry, 'enter', localized(`Reached ${label.en} (${kindName.en})${again.en}.`, `来到${label['zh-CN']}（${kindName['zh-CN']}）${again['zh-CN']}。`), { nodeId: node.id });
        }
        lastPortTarget = null;
        currentNode = entry.node;
        break;
      }
      case 'port': {
        lastPortTarget = journey.edges.find((edge) => edge.source === entry.node && edge.sourcePort === entry.port)?.target ?? null;
        const node = nodes.get(entry.node);
        if (!node) break;
        const told = registry.get(node.kind)?.story?.port?.(node, entry.port, {
          label: quoted(node.label || node.id),
          visit: visits.get(node.id) ?? 1,
          user,
          seed: context.seed,
          facts,
          cohort,
        });
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
