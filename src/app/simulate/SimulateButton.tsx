import { useTranslation } from 'react-i18next';
import { useSimulation } from './useSimulation';
import { SIMULATION_PANEL_ID, SIMULATE_BUTTON_ID } from './ids';
import { RunIcon } from '../icons';

/** The toolbar's Simulate button: opens and closes the Simulate panel. */
export function SimulateButton() {
  const { t } = useTranslation();
  const open = useSimulation((state) => state.open);
  const running = useSimulation((state) => state.phase === 'running');
  const setOpen = useSimulation((state) => state.setOpen);
  return (
    <button
      type="button"
      id={SIMULATE_BUTTON_ID}
      className={`simulate-button${running ? ' simulate-button--running' : ''}`}
      aria-haspopup="dialog"
      aria-expanded={open}
      aria-controls={open ? SIMULATION_PANEL_ID : undefined}
      onClick={() => setOpen(!open)}
    >
      <RunIcon /> {t('simulate.open')}
    </button>
  );
}
