import { message, type Message, verbatim } from '../i18n';
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
  time: Message;
  kind: StoryKind;
  text: Message;
  why?: Message;
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
const moneyIn = (currency: string) => (value: number) => verbatim({ en: formatMoney(value, currency, 'en'), 'zh-CN': formatMoney(value, currency, 'zh-CN') });

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

  const push = (entry: TraceEntry, kind: StoryKind, text: Message, extra: Partial<StoryStep> = {}) =>
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
        const again = entry.visit > 1 ? message('core.trainer.story.visit', { visit: entry.visit }) : message('core.trainer.story.text');
        const kind = registry.get(node.kind);
        if (kind?.story?.enter) {
          const told = kind.story.enter(node, { at: entry.at, label, again, throughPort: lastPortTarget === node.id, from: labelOf(currentNode), lastEvent, facts, cohort });
          if (told) push(entry, told.kind, told.text, { nodeId: node.id, ...(told.why ? { why: told.why } : {}) });
        } else {
          const kindName = kind?.name ?? verbatim(node.kind);
          push(entry, 'enter', message('core.trainer.story.reached', { label, kindName, again }), { nodeId: node.id });
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
        push(entry, 'offer', message('core.trainer.story.receivedAnOfferWorthAt', { value: money(entry.value), node: labelOf(entry.node) }), { nodeId: entry.node });
        break;
      case 'redeem':
        push(entry, 'redeem', message('core.trainer.story.usedTheOfferFromOn', { value: money(entry.value), node: labelOf(entry.node) }), { nodeId: entry.node });
        break;
      case 'goal':
        push(entry, 'goal', message('core.trainer.story.convertedReachedTheGoal', { goal: entry.goal }), { nodeId: entry.node });
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
          entry.present ? message('core.trainer.story.tagged', { tag: entry.tag }) : message('core.trainer.story.theTagWasRemoved', { tag: entry.tag }),
          { nodeId: entry.node },
        );
        break;
      case 'attribute':
        facts.attributes[entry.attribute] = entry.value;
        push(entry, 'attribute', message('core.trainer.story.theirWasSetTo', { attribute: entry.attribute, value: String(entry.value) }), { nodeId: entry.node });
        break;
      case 'churn':
        push(
          entry,
          'churn',
          message('core.trainer.story.afterThisOrderTheyStopped'),
          { why: message('core.trainer.story.inThePurchaseModelEvery') },
        );
        break;
      case 'notice':
        push(entry, 'notice', message('core.trainer.story.noticedOffer', { node: labelOf(entry.node) }), { nodeId: entry.node });
        break;
      case 'reactivate':
        push(entry, 'reactivate', message('core.trainer.story.wonBack'), { why: message('core.trainer.story.wonBackWhy') });
        break;
    }
  }
  return steps;
}

function eventText(entry: Extract<TraceEntry, { type: 'event' }>, money: (value: number) => Message): Message {
  const channel = entry.channel ? channelInfo[entry.channel].name : null;
  switch (entry.event) {
    case 'purchase':
      return message('core.trainer.story.boughtSomethingFor', { v: money(entry.value ?? 0) });
    case 'open':
      return message('core.trainer.story.openedThe', { channel: channel ?? message('core.trainer.story.aMessage') });
    case 'click':
      return message('core.trainer.story.clickedThroughFromThe', { channel: channel ?? message('core.trainer.story.aMessage') });
    case 'unsubscribe':
      return message('core.trainer.story.unsubscribedFrom', { channel: channel ?? message('core.trainer.story.theChannel') });
    default: {
      const label = eventLabel(entry.event);
      return message('core.trainer.story.did', { label });
    }
  }
}

function exitText(label: Message | null, reason: string): Message {
  if (label === null) return message('core.trainer.story.leftTheJourneyTheStep');
  return reason
    ? message('core.trainer.story.leftTheJourneyAt', { label, reason })
    : message('core.trainer.story.leftTheJourneyAt2', { label });
}
