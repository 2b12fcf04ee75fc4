// In the editor's toolbar on a team workspace's page: the journey's review state (draft, in review,
// approved, archived) and what the signed-in member may do about it — Submit for review with a scenario
// of this saved version (editors and up), Approve and Send back with a reason (approvers and up, never on
// their own submission), Archive an approved journey (approvers and up). Read again after every save,
// since a new version makes the journey a draft again. Loads only on such a page (lazy.tsx).
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../core/i18n';
import type { ScenarioRecord } from '../persist/scenarioRepository';
import { say } from '../i18n/say';
import { useLang } from '../i18n/useLang';
import { changeReview, fetchReview, reviewActions, scenariosOfSavedVersion, type JourneyReview, type ReviewAction, type ReviewChange, type ReviewResult } from './review';
import type { WorkspaceServices } from './types';
import './workspace.css';
import './workspaceReview.css';

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

/** The scenarios of the saved version an action could attach: null while not needed or not read yet. */
function useScenarios(workspace: WorkspaceServices, journeyId: string, wanted: boolean, version: number | undefined, onProblem: (problem: Message) => void) {
  // What was read, and for which version: a list read for another version is never shown.
  const [read, setRead] = useState<{ key: string; scenarios: ScenarioRecord[] } | null>(null);
  const [chosen, setChosen] = useState('');
  const key = `${journeyId}@${version ?? ''}`;
  useEffect(() => {
    if (!wanted) return;
    let cancelled = false;
    void scenariosOfSavedVersion(workspace.client, journeyId).then((result) => {
      if (cancelled) return;
      if (!result.ok) return onProblem(result.message);
      setRead({ key, scenarios: result.scenarios });
      setChosen(result.scenarios[0]?.id ?? '');
    });
    return () => {
      cancelled = true;
    };
  }, [workspace.client, journeyId, wanted, key, onProblem]);
  return { scenarios: wanted && read?.key === key ? read.scenarios : null, chosen, setChosen };
}

/** Send back, with an optional reason the server keeps as a comment. */
function SendBackDialog({ busy, onSend, onCancel }: { busy: boolean; onSend(reason: string): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  const titleId = useId();
  useEffect(() => field.current?.focus(), []);
  return (
    <section
      className="workspace-review__dialog"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h2 id={titleId}>{t('workspace.review.sendBackTitle')}</h2>
      <label className="workspace-review__field">
        {t('workspace.review.reason')}
        <textarea ref={field} rows={3} maxLength={4000} value={reason} onChange={(event) => setReason(event.target.value)} />
      </label>
      <div className="workspace-review__dialog-buttons">
        <button type="button" disabled={busy} aria-busy={busy || undefined} onClick={() => onSend(reason.trim())}>
          {t('workspace.review.sendBackConfirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('workspace.review.cancel')}
        </button>
      </div>
    </section>
  );
}

export function WorkspaceReview({ workspace, journeyId, saved }: WorkspaceReviewProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const { client, member } = workspace;
  const [review, setReview] = useState<JourneyReview | null>(null);
  const [problem, setProblem] = useState<Message | null>(null);
  const [busy, setBusy] = useState<ReviewAction | null>(null);
  const [sendingBack, setSendingBack] = useState(false);
  const sendBackButton = useRef<HTMLButtonElement>(null);

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

  const allowed = review ? reviewActions(review, member) : null;
  // Submitting attaches a scenario; approving one submitted without may attach one then.
  const attaches = saved && !!allowed && (allowed.submit || (allowed.decide && review?.scenarioId === null));
  const { scenarios, chosen, setChosen } = useScenarios(workspace, journeyId, attaches, review?.version, setProblem);

  const act = async (action: ReviewAction, change: ReviewChange = {}) => {
    if (!review || busy) return;
    setBusy(action);
    const result = await changeReview(client, journeyId, action, review, change);
    // Refused (the review moved on meanwhile, say): show it as it is now, keeping the reason.
    const now = result.ok ? null : await fetchReview(client, journeyId);
    setBusy(null);
    if (result.ok) {
      if (action === 'send-back') setSendingBack(false);
      return settle(result);
    }
    setProblem(result.message);
    if (now?.ok) setReview(now.review);
  };
  const attached = (): ReviewChange => (attaches && chosen ? { scenarioId: chosen } : {});

  // A journey not on the server yet (its first save is under way) has no review to show.
  if (!review && !problem) return null;
  const button = (action: ReviewAction, label: string, onClick: () => void) => (
    <button type="button" disabled={busy !== null || !saved} aria-busy={busy === action || undefined} onClick={onClick}>
      {label}
    </button>
  );
  const closeSendBack = () => {
    setSendingBack(false);
    sendBackButton.current?.focus();
  };

  return (
    <div className="workspace-review" role="group" aria-label={t('workspace.review.label')}>
      {review && (
        <>
          <span className={`workspace-review__badge workspace-review__badge--${review.state}`}>{t(stateKey[review.state])}</span>
          {review.state === 'in_review' && review.submittedBy && <span className="workspace-review__who">{t('workspace.review.submittedBy', { email: review.submittedBy })}</span>}
          {review.state === 'approved' && review.approvedBy && <span className="workspace-review__who">{t('workspace.review.approvedBy', { email: review.approvedBy })}</span>}
        </>
      )}
      {attaches && scenarios && scenarios.length > 0 && (
        <label className="workspace-review__scenario">
          {t('workspace.review.scenario')}
          <select value={chosen} onChange={(event) => setChosen(event.target.value)}>
            {scenarios.map((scenario) => (
              <option key={scenario.id} value={scenario.id}>
                {t('workspace.review.scenarioOption', { name: scenario.name, date: new Date(scenario.savedAt).toLocaleString(lang) })}
              </option>
            ))}
          </select>
        </label>
      )}
      {attaches && scenarios?.length === 0 && <span className="workspace-review__note">{t('workspace.review.noScenario')}</span>}
      {allowed?.submit && button('submit', t('workspace.review.submit'), () => void act('submit', attached()))}
      {allowed?.decide && (
        <>
          {button('approve', t('workspace.review.approve'), () => void act('approve', attached()))}
          <button type="button" ref={sendBackButton} disabled={busy !== null || !saved} aria-expanded={sendingBack} onClick={() => setSendingBack(true)}>
            {t('workspace.review.sendBack')}
          </button>
          {sendingBack && <SendBackDialog busy={busy === 'send-back'} onSend={(reason) => void act('send-back', reason ? { reason } : {})} onCancel={closeSendBack} />}
        </>
      )}
      {allowed?.archive && button('archive', t('workspace.review.archive'), () => void act('archive'))}
      {allowed?.ownSubmission && <span className="workspace-review__note">{t('workspace.review.ownSubmission')}</span>}
      {allowed && (allowed.submit || allowed.decide || allowed.archive) && !saved && <span className="workspace-review__note">{t('workspace.review.saveFirst')}</span>}
      {problem && (
        <span className="workspace-review__problem" role="alert">
          {say(problem, lang)}
        </span>
      )}
    </div>
  );
}
