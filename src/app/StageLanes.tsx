// The five journey stages, drawn as horizontal lanes behind the canvas. Names come from the core so
// the canvas, reports and CLI call each stage the same.
// For now the lanes are fixed to the canvas frame; once nodes carry a stage they should move into flow
// coordinates so that they pan and zoom with the nodes.
import { useTranslation } from 'react-i18next';
import { stages, stageNames } from '../core/journey/stages.ts';
import { currentLanguage, isLanguage } from './i18n/index.ts';

export function StageLanes() {
  const { t, i18n } = useTranslation();
  const lang = isLanguage(i18n.language) ? i18n.language : currentLanguage();
  return (
    <ol className="stage-lanes" aria-label={t('canvas.lanes')}>
      {stages.map((stage) => (
        <li key={stage} className={`stage-lane stage-lane--${stage}`} data-stage={stage}>
          <span className="stage-lane__label">{stageNames[stage][lang]}</span>
        </li>
      ))}
    </ol>
  );
}
