import { localized, type Localized } from '../i18n';

/** The customer lifecycle, in order: a node's stage decides its lane on the canvas and its funnel step. */
export const stages = ['awareness', 'exploration', 'decision', 'usage', 'loyalty'] as const;
export type Stage = (typeof stages)[number];

export const stageNames: Record<Stage, Localized> = {
  awareness: localized('Awareness', '意识'),
  exploration: localized('Exploration', '探索'),
  decision: localized('Decision', '决策'),
  usage: localized('Usage', '使用'),
  loyalty: localized('Loyalty', '忠诚'),
};

export const stageIndex = (stage: Stage): number => stages.indexOf(stage);
