// The comments of a journey, oldest first: who wrote each, when (in the page's language), on which
// version, and where — the journey as a whole, a step (a button that shows it on the canvas), or a
// step removed since.
import { useTranslation } from 'react-i18next';
import type { Language } from '../../i18n/index.ts';
import { useLang } from '../../i18n/useLang';
import type { JourneyComment } from './comments';

const dateFormats = new Map<Language, Intl.DateTimeFormat>();

function formatWhen(iso: string, lang: Language): string {
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    dateFormats.set(lang, format);
  }
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : format.format(time);
}

export interface CommentListProps {
  comments: readonly JourneyComment[];
  nodeName(id: string): string | null;
  onShowNode(id: string): void;
}

export function CommentList({ comments, nodeName, onShowNode }: CommentListProps) {
  const { t } = useTranslation();
  const lang = useLang();
  if (comments.length === 0) return <p className="workspace-comments__empty">{t('workspace.comments.none')}</p>;
  return (
    <ol className="workspace-comments__list" aria-label={t('workspace.comments.listLabel')}>
      {comments.map((comment) => (
        <li key={comment.id} className="workspace-comments__item">
          <div className="workspace-comments__meta">
            <span className="workspace-comments__author">{comment.author}</span>
            <time dateTime={comment.createdAt}>{formatWhen(comment.createdAt, lang)}</time>
            <span>{t('workspace.comments.version', { version: comment.version })}</span>
            <Where nodeId={comment.nodeId} nodeName={nodeName} onShowNode={onShowNode} />
          </div>
          <p className="workspace-comments__text">{comment.text}</p>
        </li>
      ))}
    </ol>
  );
}

function Where({ nodeId, nodeName, onShowNode }: { nodeId: string | null } & Omit<CommentListProps, 'comments'>) {
  const { t } = useTranslation();
  if (nodeId === null) return <span>{t('workspace.comments.onJourney')}</span>;
  const name = nodeName(nodeId);
  // Pinned to a step since removed (or renamed away by id): the comment stays, its step does not.
  if (name === null) return <span>{t('workspace.comments.onRemovedStep')}</span>;
  return (
    <button type="button" className="workspace-comments__step" title={t('workspace.comments.showStep')} onClick={() => onShowNode(nodeId)}>
      {t('workspace.comments.onStep', { name })}
    </button>
  );
}
