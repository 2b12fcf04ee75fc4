// In the editor's toolbar on a team workspace's page: a Comments button with the journey's count, and
// a panel with the comments (oldest first) and a form to add one, on the journey or on the selected
// step. The comments are read when the editor opens, again each time the panel opens and every 30 s
// while it is open; they go to the store the canvas overlay draws step counts from (commentStore.ts).
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../core/i18n';
import { CloseIcon } from '../../icons';
import { say } from '../../i18n/say';
import { useLang } from '../../i18n/useLang';
import type { WorkspaceServices } from '../types';
import { CommentForm } from './CommentForm';
import { CommentIcon } from './CommentIcon';
import { CommentList } from './CommentList';
import { fetchComments, type CommentsResult, type JourneyComment } from './comments';
import { commentStore, useComments } from './commentStore';
import './comments.css';

/** How often an open panel reads the comments again, so others' comments appear without a reload. */
export const COMMENTS_REFRESH_MS = 30_000;

export interface WorkspaceCommentsProps {
  workspace: WorkspaceServices;
  journeyId: string;
  /** The one step selected on the canvas, or null: a new comment may be pinned to it. */
  selectedNodeId: string | null;
  /** A step's name in the journey as it is now; null when the journey has no such step (any more). */
  nodeName(id: string): string | null;
  /** Selects the step and brings it into view on the canvas. */
  onShowNode(id: string): void;
}

export function WorkspaceComments({ workspace, journeyId, selectedNodeId, nodeName, onShowNode }: WorkspaceCommentsProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const { client } = workspace;
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<Message | null>(null);
  const comments = useComments((state) => (state.journeyId === journeyId ? state.comments : null));
  const toggle = useRef<HTMLButtonElement>(null);
  const text = useRef<HTMLTextAreaElement>(null);
  const panelId = useId();
  const headingId = useId();

  const settle = useCallback(
    (result: CommentsResult) => {
      if (!result.ok) return setProblem(result.message);
      setProblem(null);
      // Not on the server yet (its first save is under way): no comments so far.
      commentStore.getState().show(journeyId, 'missing' in result ? [] : result.comments);
    },
    [journeyId],
  );

  // The count on the button and the steps' badges, as soon as the editor opens. An answer that comes
  // after its effect was cleaned up (another journey, the panel closed) is dropped.
  useEffect(() => {
    let alive = true;
    void fetchComments(client, journeyId).then((result) => alive && settle(result));
    return () => {
      alive = false;
      commentStore.getState().clear(journeyId);
    };
  }, [client, journeyId, settle]);

  useEffect(() => {
    if (!open) return;
    let alive = true;
    const refresh = () => void fetchComments(client, journeyId).then((result) => alive && settle(result));
    text.current?.focus();
    refresh();
    const timer = setInterval(refresh, COMMENTS_REFRESH_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [open, client, journeyId, settle]);

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  // Keys typed here are the panel's own (Delete in the text must not delete the selected step).
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'Escape') close();
  };
  const posted = (comment: JourneyComment) => commentStore.getState().add(journeyId, comment);
  const stepName = selectedNodeId === null ? null : nodeName(selectedNodeId);

  return (
    <div className="workspace-comments">
      <button
        ref={toggle}
        type="button"
        className="workspace-comments__toggle"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        <CommentIcon /> {comments === null ? t('workspace.comments.button') : t('workspace.comments.buttonCount', { count: comments.length })}
      </button>
      {open && (
        <section id={panelId} className="workspace-comments__panel" role="dialog" aria-modal="false" aria-labelledby={headingId} lang={lang} onKeyDown={onKeyDown}>
          <header className="workspace-comments__header">
            <h2 id={headingId}>{t('workspace.comments.title')}</h2>
            <button type="button" aria-label={t('workspace.comments.close')} title={t('workspace.comments.close')} onClick={close}>
              <CloseIcon />
            </button>
          </header>
          {problem && (
            <p className="workspace-comments__problem" role="alert">
              {say(problem, lang)}
            </p>
          )}
          {comments === null ? !problem && <p role="status">{t('workspace.comments.loading')}</p> : <CommentList comments={comments} nodeName={nodeName} onShowNode={onShowNode} />}
          <CommentForm client={client} journeyId={journeyId} step={selectedNodeId !== null && stepName !== null ? { id: selectedNodeId, name: stepName } : null} onPosted={posted} textRef={text} />
        </section>
      )}
    </div>
  );
}
