import type { z } from 'zod';
import { message, type Message } from '../i18n';
import type { CohortSpec } from '../cohort/schema';
import type { JourneyNode } from '../journey/schema';
import type { FactsSoFar } from './profile';

/**
 * What a node kind tells of a user's story (NodeKindDefinition.story), and the helpers kind files tell
 * it with; story.ts walks the trace and asks each node's kind.
 */

export type StoryKind = 'profile' | 'enter' | 'branch' | 'split' | 'wait' | 'event' | 'touch' | 'offer' | 'redeem' | 'goal' | 'exit' | 'tag' | 'attribute' | 'churn' | 'reactivate' | 'notice';

/** One step of the story as a kind tells it. */
export interface StoryLine {
  kind: StoryKind;
  text: Message;
  why?: Message;
}

export interface StoryEnterContext {
  at: number;
  /** The node's label, quoted. */
  label: Message;
  /** " (visit n)" from the second visit on, else empty. */
  again: Message;
  /** The user came in through a port that leads here (not by a jump such as exit on goal). */
  throughPort: boolean;
  /** The node the user was at before, quoted. */
  from: Message;
  /** The last behaviour event so far. */
  lastEvent: { at: number; event: string } | null;
  facts: FactsSoFar;
  cohort: CohortSpec;
}

export interface StoryPortContext {
  /** The node's label (or id), quoted. */
  label: Message;
  /** The user's visit to the node, as the engines' random draws count it. */
  visit: number;
  user: number;
  seed: number;
  facts: FactsSoFar;
  cohort: CohortSpec;
}

export const quoted = (text: string) => message('core.trainer.storyLine.text', { text });

/**
 * A node's params as its kind's schema reads them, or null when they do not parse: a document that
 * skipped validation (a hand-edited file, an old recording) gets plain steps instead of a crash.
 */
export function paramsOf<P>(kind: { params: z.ZodType<P> }, node: JourneyNode): P | null {
  const parsed = kind.params.safeParse(node.params);
  return parsed.success ? parsed.data : null;
}

/** A decision told without its why, when the node's params cannot say it. */
export function plainPortStep(kind: StoryKind, port: string, label: Message): StoryLine {
  return { kind, text: message('core.trainer.storyLine.atTheyLeftThrough', { label, port }) };
}
