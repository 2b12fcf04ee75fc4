import { message, type Message } from '../i18n';

/** The customer lifecycle, in order: a node's stage decides its lane on the canvas and its funnel step. */
export const stages = ['awareness', 'exploration', 'decision', 'usage', 'loyalty'] as const;
export type Stage = (typeof stages)[number];

export const stageNames: Record<Stage, Message> = {
  awareness: message('core.journey.stages.awareness'),
  exploration: message('core.journey.stages.exploration'),
  decision: message('core.journey.stages.decision'),
  usage: message('core.journey.stages.usage'),
  loyalty: message('core.journey.stages.loyalty'),
};

export const stageIndex = (stage: Stage): number => stages.indexOf(stage);
