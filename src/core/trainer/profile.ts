import { localized, textFor, type Localized } from '../i18n';
import { channelInfo, channels } from '../journey/channels';
import type { ConditionFacts, Scalar } from '../journey/condition';
import type { CohortSpec } from '../cohort/schema';
import type { CohortGenerator } from '../cohort/generate';
import { attributeName, formatValue } from './explain';

/** Who a synthetic user is, and what conditions see of them as the journey changes their tags. */

export interface UserProfile {
  segment: string;
  segmentName: Localized;
  attributes: Record<string, Scalar>;
  tags: string[];
  rfm: { recency: number; frequency: number; monetary: number };
  /** Channels a touch reaches them on. */
  reach: string[];
  /** The user in a sentence or two. */
  text: Localized;
}

export function profileOf(cohort: CohortSpec, generator: CohortGenerator, user: number): UserProfile {
  const synthetic = generator.user(user);
  const segment = cohort.segments[synthetic.segmentIndex]!;
  const segmentName = localized(textFor(segment.name, 'en'), textFor(segment.name, 'zh-CN'));
  const reach = channels.filter((channel) => synthetic.reach[channel]);
  const attributes = Object.entries(synthetic.attributes).map(([name, value]) => {
    const label = attributeName(cohort, name);
    const shown = formatValue(value);
    return localized(`${label.en} ${shown.en}`, `${label['zh-CN']}${shown['zh-CN']}`);
  });
  const { recency, frequency, monetary } = synthetic.rfm;
  const reachNames = reach.map((channel) => channelInfo[channel].name);
  const en = [
    `User #${user}, from the segment “${segmentName.en}”${attributes.length > 0 ? `: ${attributes.map((item) => item.en).join(', ')}` : ''}.`,
    `RFM scores R${recency} F${frequency} M${monetary} (5 is best).`,
    synthetic.tags.length > 0 ? `Tagged ${synthetic.tags.map((tag) => `“${tag}”`).join(', ')}.` : 'No tags.',
    reach.length > 0 ? `Can be reached by ${reachNames.map((name) => name.en).join(', ')}.` : 'No channel can reach them.',
  ];
  const zh = [
    `${user} 号用户，来自“${segmentName['zh-CN']}”细分${attributes.length > 0 ? `：${attributes.map((item) => item['zh-CN']).join('，')}` : ''}。`,
    `RFM 评分 R${recency} F${frequency} M${monetary}（5 分最高）。`,
    synthetic.tags.length > 0 ? `带有标签${synthetic.tags.map((tag) => `“${tag}”`).join('、')}。` : '没有标签。',
    reach.length > 0 ? `可通过${reachNames.map((name) => name['zh-CN']).join('、')}触达。` : '没有任何渠道能触达。',
  ];
  return {
    segment: segment.id,
    segmentName,
    attributes: { ...synthetic.attributes },
    tags: [...synthetic.tags],
    rfm: { recency, frequency, monetary },
    reach,
    text: localized(en.join(' '), zh.join('')),
  };
}

/** What a condition sees of the user at the moment being told: tags and attributes as changed so far, events so far. */
export class FactsSoFar implements ConditionFacts {
  readonly attributes: Record<string, Scalar>;
  readonly tags: Set<string>;
  readonly segment: string;
  readonly rfm: UserProfile['rfm'];
  now = 0;
  private readonly events: { at: number; event: string }[] = [];

  constructor(profile: UserProfile) {
    this.attributes = { ...profile.attributes };
    this.tags = new Set(profile.tags);
    this.segment = profile.segment;
    this.rfm = profile.rfm;
  }

  happened(at: number, event: string): void {
    this.events.push({ at, event });
  }

  /** As the engines count: occurrences in (now − window, now]. */
  eventCount(event: string, windowMs: number): number {
    return this.events.filter((entry) => entry.event === event && entry.at > this.now - windowMs && entry.at <= this.now).length;
  }
}
