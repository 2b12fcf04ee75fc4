// A node's entries in the last simulation, in a small pill on its frame (dimmed when the journey has
// changed since). The simulation's canvas overlay (canvasOverlay.ts) draws one on each node it counted.
import { useTranslation } from 'react-i18next';
import type { NodeCount } from './simulationStore';
import { formatCount } from './format';
import './simulate.css';
import { useLang } from '../i18n/useLang';

export function SimulationBadge({ count, stale }: { count: NodeCount; stale: boolean }) {
  const lang = useLang();
  const { t } = useTranslation(undefined, { lng: lang });
  const entries = formatCount(count.entries, lang);
  const label = t(stale ? 'simulate.badgeStale' : 'simulate.badge', { entries, users: formatCount(count.users, lang) });
  return (
    <span role="img" className={`simulation-badge${stale ? ' simulation-badge--stale' : ''}`} aria-label={label} title={label} data-entries={count.entries}>
      <span aria-hidden="true">{entries}</span>
    </span>
  );
}
