// A node's entries in the last simulation, in a small pill on its frame (dimmed when the journey has
// changed since). Nothing when there is no simulation, or on a bare canvas without the editor.
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../core/i18n';
import { useNodeSimulation } from './useNodeSimulation';
import { formatCount } from './format';
import './simulate.css';

export function SimulationBadge({ nodeId, lang }: { nodeId: string; lang: Lang }) {
  const { t } = useTranslation(undefined, { lng: lang });
  const { count, stale } = useNodeSimulation(nodeId);
  if (!count) return null;
  const entries = formatCount(count.entries, lang);
  const label = t(stale ? 'simulate.badgeStale' : 'simulate.badge', { entries, users: formatCount(count.users, lang) });
  return (
    <span role="img" className={`simulation-badge${stale ? ' simulation-badge--stale' : ''}`} aria-label={label} title={label} data-entries={count.entries}>
      <span aria-hidden="true">{entries}</span>
    </span>
  );
}
