// What version history draws over the journey's canvas (canvas/overlay.ts): each step added, changed or
// moved since the chosen version gets an outline — dashed, thick solid, dotted, so it does not rest on
// colour alone — and a small labelled badge. Removed steps are not on the canvas; the history lists them.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CanvasOverlay } from '../../canvas/overlay';
import { useLang } from '../../i18n/useLang';
import { useHistoryHighlight, type HistoryMark } from './highlight';
import './history.css';

function HistoryBadge({ mark, version }: { mark: HistoryMark; version: number }) {
  const lang = useLang();
  const { t } = useTranslation(undefined, { lng: lang });
  const name = t(`workspace.history.badgeNames.${mark}`, { version });
  return (
    <span role="img" className={`history-badge history-badge--${mark}`} aria-label={name} title={name}>
      <span aria-hidden="true">{t(`workspace.history.badges.${mark}`)}</span>
    </span>
  );
}

/** The badges of the highlighted steps, by node id (each badge reads the language itself). */
export function useHistoryNodeBadges() {
  const marks = useHistoryHighlight((state) => state.marks);
  const version = useHistoryHighlight((state) => state.version);
  return useMemo(() => (version === null || marks.size === 0 ? null : new Map([...marks].map(([nodeId, mark]) => [nodeId, <HistoryBadge mark={mark} version={version} />]))), [marks, version]);
}

/** The outline classes of the highlighted steps, by node id. */
export function useHistoryNodeClasses() {
  const marks = useHistoryHighlight((state) => state.marks);
  return useMemo(() => (marks.size === 0 ? null : new Map([...marks].map(([nodeId, mark]) => [nodeId, `history-mark history-mark--${mark}`]))), [marks]);
}

/** Version history's overlay; its badges combine with another overlay's through useHistoryNodeBadges. */
export const historyOverlay: CanvasOverlay = { useNodeBadges: useHistoryNodeBadges, useNodeClasses: useHistoryNodeClasses };
