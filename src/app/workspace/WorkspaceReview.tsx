// In the editor's toolbar on a team workspace's page: the journey's review state (draft, in review,
// approved, archived) and what the signed-in member may do about it — Submit for review (editors and
// up), Approve and Send back (approvers and up, never on their own submission). Read again after every
// save, since a new version makes the journey a draft again. Loads only on such a page (lazy.tsx).
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../core/i18n';
import { say } from '../i18n/say';
import { useLang } from '../i18n/useLang';
import { changeReview, fetchReview, reviewActions, type JourneyReview, type ReviewAction, type ReviewResult } from './review';
import type { WorkspaceServices } from './types';
import './workspace.css';

export interface WorkspaceReviewProps {
  workspace: WorkspaceServices;
  journeyId: string;
  /** Whether the editor has saved everything: review actions act on the saved version only. */
  saved: boolean;
}

const stateKey = {
  draft: 'workspace.review.states.draft',
  in_review: 'workspace.review.states.in_review',
  approved: 'workspace.review.states.approved',
  archived: 'workspace.review.states.archived',
} as const;

export function WorkspaceReview({ workspace, journeyId, saved }: WorkspaceReviewProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const { client, member } = workspace;
  const [review, setReview] = useState<JourneyReview | null>(null);
  const [problem, setProblem] = useState<Message | null>(null);
  const [busy, setBusy] = useState<ReviewAction | null>(null);

  const settle = useCallback((result: ReviewResult) => {
    if (result.ok) {
      setReview(result.review);
      setProblem(null);
    } else setProblem(result.message);
  }, []);

  // Each save makes a new version (a draft again): read the review once everything is saved.
  useEffect(() => {
    if (!saved) return;
    let cancelled = false;
    void fetchReview(client, journeyId).then((result) => !cancelled && settle(result));
    return () => {
      cancelled = true;
    };
  }, [client, journeyId, saved, settle]);

  const act = async (action: ReviewAction) => {
    if (!review || busy) return;
    setBusy(action);
    const result = await changeReview(client, journeyId, action, review);
    // Refused (the review moved on meanwhile, say): show it as it is now, keeping the reason.
    const now = result.ok ? null : await fetchReview(client, journeyId);
    setBusy(null);
    if (result.ok) return settle(result);
    setProblem(result.message);
    if (now?.ok) setReview(now.review);
  };

  // A journey not on the server yet (its first save is under way) has no review to show.
  if (!review && !problem) return null;
  const allowed = review ? reviewActions(review, member) : null;
  const button = (action: ReviewAction, label: string) => (
    <button type="button" disabled={busy !== null || !saved} aria-busy={busy === action || undefined} onClick={() => void act(action)}>
      {label}
    </button>
  );

  return (
    <div className="workspace-review" role="group" aria-label={t('workspace.review.label')}>
      {review && (
        <>
          <span className={`workspace-review__badge workspace-review__badge--${review.state}`}>{t(stateKey[review.state])}</span>
          {review.state === 'in_review' && review.submittedBy && <span className="workspace-review__who">{t('workspace.review.submittedBy', { email: review.submittedBy })}</span>}
          {review.state === 'approved' && review.approvedBy && <span className="workspace-review__who">{t('workspace.review.approvedBy', { email: review.approvedBy })}</span>}
        </>
      )}
      {allowed?.submit && button('submit', t('workspace.review.submit'))}
      {allowed?.decide && (
        <>
          {button('approve', t('workspace.review.approve'))}
          {button('send-back', t('workspace.review.sendBack'))}
        </>
      )}
      {allowed?.ownSubmission && <span className="workspace-review__note">{t('workspace.review.ownSubmission')}</span>}
      {allowed && (allowed.submit || allowed.decide) && !saved && <span className="workspace-review__note">{t('workspace.review.saveFirst')}</span>}
      {problem && (
        <span className="workspace-review__problem" role="alert">
          {say(problem, lang)}
        </span>
      )}
    </div>
  );
}
