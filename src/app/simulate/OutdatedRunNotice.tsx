// The journey's saved run was made by an older version of the simulator (an older report format): none of
// its figures are shown — some of them meant other things then (revenue was attributed, ROI was not
// incremental) — only a note saying so and a button to run again with the settings it ran on.
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../store/useEditorStore';
import { useSimulation } from './useSimulation';
import { useLang } from '../i18n/useLang';

export function OutdatedRunNotice() {
  const lang = useLang();
  const { t } = useTranslation();
  const editor = useEditorStore();
  const outdated = useSimulation((state) => state.outdated);
  const start = useSimulation((state) => state.start);
  if (!outdated) return null;
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(outdated.savedAt);
  const rerun = () => {
    const journey = editor.getState().journey;
    if (journey) start(journey);
  };
  return (
    <div className="simulation-panel__note simulation-results__stale" role="status">
      <p>{t('simulate.outdated.note', { date })}</p>
      <button type="button" onClick={rerun}>
        {t('simulate.outdated.rerun')}
      </button>
    </div>
  );
}
