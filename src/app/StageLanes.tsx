// The five journey stages, drawn as horizontal lanes behind the canvas.
// For now the lanes are fixed to the canvas frame; once nodes carry a stage they should move into flow
// coordinates so that they pan and zoom with the nodes.
import { useTranslation } from 'react-i18next';

// Same order and ids as the stage enum of the journey document (src/core/journey/schema.ts).
export const STAGES = ['awareness', 'exploration', 'decision', 'usage', 'loyalty'] as const;
export type Stage = (typeof STAGES)[number];

export function StageLanes() {
  const { t } = useTranslation();
  return (
    <ol className="stage-lanes" aria-label={t('canvas.lanes')}>
      {STAGES.map((stage) => (
        <li key={stage} className={`stage-lane stage-lane--${stage}`} data-stage={stage}>
          <span className="stage-lane__label">{t(`stage.${stage}`)}</span>
        </li>
      ))}
    </ol>
  );
}
