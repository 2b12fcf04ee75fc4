import { localized, type Localized } from '../i18n';
import { channelInfo } from '../journey/channels';
import { describeDuration, MS, parseDuration } from '../journey/duration';
import type { JourneyDocument } from '../journey/schema';
import type { TraceEntry } from '../sim/engine/trace';
import { timeText } from './explain';

/** A touch's outcome told, and the rule behind it: reach, opt-out, quiet hours or the frequency cap. */

type TouchEntry = Extract<TraceEntry, { type: 'touch' }>;

export function explainTouch(entry: TouchEntry, before: readonly TraceEntry[], journey: JourneyDocument): { text: Localized; why?: Localized } {
  const channel = channelInfo[entry.channel].name;
  const node = journey.nodes.find((candidate) => candidate.id === entry.node);
  const label = localized(`“${node?.label ?? entry.node}”`, `“${node?.label ?? entry.node}”`);
  const { frequencyCap, quietHours } = journey.settings;
  switch (entry.outcome) {
    case 'sent': {
      const held = lastTouchOf(before, entry).outcome === 'deferred';
      return held
        ? { text: localized(`Quiet hours over, the ${channel.en} ${label.en} went out.`, `免打扰时段结束，${channel['zh-CN']}${label['zh-CN']}发出。`) }
        : { text: localized(`Sent ${label.en} by ${channel.en}.`, `通过${channel['zh-CN']}发送了${label['zh-CN']}。`) };
    }
    case 'suppressed': {
      const windowMs = parseDuration(frequencyCap?.window ?? 'P7D') ?? MS.week;
      const recent = before.filter((earlier) => earlier.type === 'touch' && earlier.outcome === 'sent' && earlier.at > entry.at - windowMs);
      const first = recent[0] ? timeText(recent[0].at) : null;
      const touches = frequencyCap?.touches ?? recent.length;
      return {
        text: localized(`The ${channel.en} ${label.en} was held back by the frequency cap.`, `${channel['zh-CN']}${label['zh-CN']}被频次上限拦下，没有发送。`),
        why: localized(
          `The frequency cap allows at most ${touches} touch${touches === 1 ? '' : 'es'} per ${describeDuration(windowMs, 'en')} across all channels, and they had already received ${recent.length}${first ? ` since ${first.en}` : ''}. The cap protected them from one message too many.`,
          `频次上限规定每位用户每 ${describeDuration(windowMs, 'zh-CN')}内（所有渠道合计）最多收到 ${touches} 次触达，而该用户${first ? `自${first['zh-CN']}起` : ''}已收到 ${recent.length} 次。频次上限帮用户挡掉了多余的打扰。`,
        ),
      };
    }
    case 'deferred': {
      const end = quietHours?.end ?? '08:00';
      return {
        text: localized(`The ${channel.en} ${label.en} waits for quiet hours to end.`, `${channel['zh-CN']}${label['zh-CN']}需等免打扰时段结束再发。`),
        why: localized(
          `Quiet hours run from ${quietHours?.start ?? '22:00'} to ${end}: the touch is held until ${end} while the user moves on in the journey.`,
          `免打扰时段为 ${quietHours?.start ?? '22:00'} 至 ${end}：触达暂缓到 ${end} 发送，用户则继续往下走。`,
        ),
      };
    }
    case 'dropped':
      return {
        text: localized(`The ${channel.en} ${label.en} was never sent.`, `${channel['zh-CN']}${label['zh-CN']}最终没有发出。`),
        why: localized(
          `It fell in quiet hours (${quietHours?.start ?? '22:00'}–${quietHours?.end ?? '08:00'}), and they end after the simulation does.`,
          `它落在免打扰时段（${quietHours?.start ?? '22:00'}–${quietHours?.end ?? '08:00'}）内，而该时段结束时模拟已经结束。`,
        ),
      };
    case 'unreachable':
      return {
        text: localized(`Could not be reached by ${channel.en} for ${label.en}.`, `无法通过${channel['zh-CN']}触达，${label['zh-CN']}没有发出。`),
        why: localized(
          `This user is not reachable on ${channel.en} (not opted in, no app or not following), so nothing was sent and nothing paid.`,
          `该用户不在${channel['zh-CN']}的可触达范围内（未授权、未安装或未关注），因此没有发送，也不产生费用。`,
        ),
      };
    case 'opted-out': {
      const when = before.find((earlier) => earlier.type === 'event' && earlier.event === 'unsubscribe' && earlier.channel === entry.channel);
      return {
        text: localized(`${label.en} was not sent: they had unsubscribed from ${channel.en}.`, `${label['zh-CN']}没有发出：用户已退订${channel['zh-CN']}。`),
        why: localized(
          `They unsubscribed from ${channel.en}${when ? ` on ${timeText(when.at).en}` : ' earlier'}; an opted-out user gets nothing more there.`,
          `用户${when ? `于${timeText(when.at)['zh-CN']}` : '此前'}退订了${channel['zh-CN']}，此后不再在该渠道收到任何消息。`,
        ),
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
