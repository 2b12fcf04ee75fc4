import { joinedMessages, message, type Message, verbatim } from '../i18n';
import { channelInfo, channels } from '../journey/channels';
import type { ConditionFacts, Scalar } from '../journey/condition';
import type { CohortSpec } from '../cohort/schema';
import type { CohortGenerator } from '../cohort/generate';
import { attributeName, formatValue } from './explain';

/** Who a synthetic user is, and what conditions see of them as the journey changes their tags. */

export interface UserProfile {
  segment: string;
  segmentName: Message;
  attributes: Record<string, Scalar>;
  tags: string[];
  rfm: { recency: number; frequency: number; monetary: number };
  /** Channels a touch reaches them on. */
  reach: string[];
  /** The user in a sentence or two. */
  text: Message;
}

export function profileOf(cohort: CohortSpec, generator: CohortGenerator, user: number): UserProfile {
  const synthetic = generator.user(user);
  const segment = cohort.segments[synthetic.segmentIndex]!;
  const segmentName = verbatim(segment.name);
  const reach = channels.filter((channel) => synthetic.reach[channel]);
  const attributes = Object.entries(synthetic.attributes).map(([name, value]) => {
    const label = attributeName(cohort, name);
    const shown = formatValue(value);
    return message('core.trainer.profile.text', { label, shown });
  });
  const { recency, frequency, monetary } = synthetic.rfm;
  const reachNames = reach.map((channel) => channelInfo[channel].name);
  const sentences = [
    message('core.trainer.profile.who', { user, segmentName, hasAttributes: String(attributes.length > 0), attributes: joinedMessages(attributes, 'clauses') }),
    message('core.trainer.profile.rfm', { recency, frequency, monetary }),
    synthetic.tags.length > 0 ? message('core.trainer.profile.tagged', { tags: joinedMessages(synthetic.tags.map((tag) => `“${tag}”`), 'list') }) : message('core.trainer.profile.noTags'),
    reach.length > 0 ? message('core.trainer.profile.reachable', { channels: joinedMessages(reachNames, 'list') }) : message('core.trainer.profile.unreachable'),
  ];
  return {
    segment: segment.id,
    segmentName,
    attributes: { ...synthetic.attributes },
    tags: [...synthetic.tags],
    rfm: { recency, frequency, monetary },
    reach,
    text: joinedMessages(sentences),
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
