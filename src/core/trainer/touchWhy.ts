import { message, type Message } from '../i18n';
import { channelInfo } from '../journey/channels';
import { describeDuration, MS, parseDuration } from '../journey/duration';
import type { JourneyDocument } from '../journey/schema';
import type { TraceEntry } from '../sim/engine/trace';
import { timeText } from './explain';

/** A touch's outcome told, and the rule behind it: reach, opt-out, quiet hours or the frequency cap. */

type TouchEntry = Extract<TraceEntry, { type: 'touch' }>;

export function explainTouch(entry: TouchEntry, before: readonly TraceEntry[], journey: JourneyDocument): { text: Message; why?: Message } {
  const channel = channelInfo[entry.channel].name;
  const node = journey.nodes.find((candidate) => candidate.id === entry.node);
  const label = message('core.trainer.touchWhy.text', { v: node?.label ?? entry.node });
  const { frequencyCap, quietHours } = journey.settings;
  switch (entry.outcome) {
    case 'sent': {
      const held = lastTouchOf(before, entry).outcome === 'deferred';
      return held
        ? { text: message('core.trainer.touchWhy.quietHoursOverTheWent', { channel, label }) }
        : { text: message('core.trainer.touchWhy.sentBy', { label, channel }) };
    }
    case 'suppressed': {
      const windowMs = parseDuration(frequencyCap?.window ?? 'P7D') ?? MS.week;
      const recent = before.filter((earlier) => earlier.type === 'touch' && earlier.outcome === 'sent' && earlier.at > entry.at - windowMs);
      const first = recent[0] ? timeText(recent[0].at) : null;
      const touches = frequencyCap?.touches ?? recent.length;
      return {
        text: message('core.trainer.touchWhy.theWasHeldBackBy', { channel, label }),
        why: message('core.trainer.touchWhy.theFrequencyCapAllowsAt', { touches, windowMs: describeDuration(windowMs), recentCount: recent.length, choice: String(Boolean(first)), first: first ? first : '' }),
      };
    }
    case 'deferred': {
      const end = quietHours?.end ?? '08:00';
      return {
        text: message('core.trainer.touchWhy.theWaitsForQuietHours', { channel, label }),
        why: message('core.trainer.touchWhy.quietHoursRunFromTo', { v: quietHours?.start ?? '22:00', end }),
      };
    }
    case 'dropped':
      return {
        text: message('core.trainer.touchWhy.theWasNeverSent', { channel, label }),
        why: message('core.trainer.touchWhy.itFellInQuietHours', { v: quietHours?.start ?? '22:00', v2: quietHours?.end ?? '08:00' }),
      };
    case 'unreachable':
      return {
        text: message('core.trainer.touchWhy.couldNotBeReachedBy', { channel, label }),
        why: message('core.trainer.touchWhy.thisUserIsNotReachable', { channel }),
      };
    case 'control-group':
      return {
        text: message('core.trainer.touchWhy.heldOutControlGroup', { label, channel }),
        why: message('core.trainer.touchWhy.heldOutControlGroupWhy'),
      };
    case 'opted-out': {
      const when = before.find((earlier) => earlier.type === 'event' && earlier.event === 'unsubscribe' && earlier.channel === entry.channel);
      return {
        text: message('core.trainer.touchWhy.wasNotSentTheyHad', { label, channel }),
        why: message('core.trainer.touchWhy.theyUnsubscribedFromChoiceSelect', { channel, choice: String(Boolean(when)), at: when ? timeText(when.at) : '' }),
      };
    }
  }
}

function lastTouchOf(before: readonly TraceEntry[], entry: TouchEntry): { outcome: string | null } {
  for (let index = before.length - 1; index >= 0; index--) {
    const earlier = before[index]!;
    if (earlier.type === 'touch' && earlier.node === entry.node && earlier.channel === entry.channel) return { outcome: earlier.outcome };
  }
  return { outcome: null };
}
