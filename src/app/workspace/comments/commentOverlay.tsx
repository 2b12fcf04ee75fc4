// What comments draw over the journey's canvas (canvas/overlay.ts): a small comment mark and count on
// each step that has comments, read from the store the Comments panel fills (commentStore.ts). Light
// on purpose (no workspace code, no request): the editor may import it on every page; off a workspace
// page the store stays empty and it draws nothing.
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CanvasOverlay } from '../../canvas/overlay';
import { numberFormat } from '../../i18n/format';
import { useLang } from '../../i18n/useLang';
import { CommentIcon } from './CommentIcon';
import { useComments } from './commentStore';
import './comments.css';

/** A step's comment count, said in full to assistive technology ("2 comments"). */
export function CommentBadge({ count }: { count: number }) {
  const lang = useLang();
  const { t } = useTranslation(undefined, { lng: lang });
  const label = t('workspace.comments.badge', { count });
  return (
    <span role="img" className="comment-badge" aria-label={label} title={label} data-comments={count}>
      <CommentIcon />
      <span aria-hidden="true">{numberFormat(lang).format(count)}</span>
    </span>
  );
}

// Each badge reads the language itself, so the map is made again only when the counts change.
function useNodeBadges(): ReadonlyMap<string, ReactNode> | null {
  const byNode = useComments((state) => state.byNode);
  return useMemo(() => (byNode.size === 0 ? null : new Map([...byNode].map(([nodeId, count]) => [nodeId, <CommentBadge count={count} />]))), [byNode]);
}

/** Comments' overlay: badges only (canvas/overlay.ts's combineOverlays puts them beside the simulation's). */
export const commentOverlay: CanvasOverlay = { useNodeBadges };
