// A new comment: on the journey or, when a step is selected, on that step (a labelled choice, the step
// by default). Viewers comment too. The server's refusals (a step not in the saved version, say) are
// shown in its own words, in the page's language; the text stays for another try.
import { useId, useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../core/i18n';
import { say } from '../../i18n/say';
import { useLang } from '../../i18n/useLang';
import type { WorkspaceClient } from '../client';
import { postComment, type JourneyComment } from './comments';

export interface CommentFormProps {
  client: WorkspaceClient;
  journeyId: string;
  /** The selected step and its name; null when no single step is selected. */
  step: { id: string; name: string } | null;
  onPosted(comment: JourneyComment): void;
  textRef?: Ref<HTMLTextAreaElement>;
}

export function CommentForm({ client, journeyId, step, onPosted, textRef }: CommentFormProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [text, setText] = useState('');
  // The step the user chose the journey over: another step selected, the choice is that step again.
  const [journeyChosenFor, setJourneyChosenFor] = useState<string | null>(null);
  const onStep = step !== null && journeyChosenFor !== step.id;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Message | null>(null);
  const textId = useId();
  const problemId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await postComment(client, journeyId, { text, nodeId: onStep && step ? step.id : null });
    setBusy(false);
    if (!result.ok) return setProblem(result.message);
    setProblem(null);
    setText('');
    onPosted(result.comment);
  };

  return (
    <form className="workspace-comments__form" aria-label={t('workspace.comments.formLabel')} onSubmit={(event) => void submit(event)} noValidate>
      {step && (
        <fieldset>
          <legend>{t('workspace.comments.target')}</legend>
          <label>
            <input type="radio" name={`${textId}-target`} checked={!onStep} onChange={() => setJourneyChosenFor(step.id)} /> {t('workspace.comments.targetJourney')}
          </label>
          <label>
            <input type="radio" name={`${textId}-target`} checked={onStep} onChange={() => setJourneyChosenFor(null)} /> {t('workspace.comments.targetStep', { name: step.name })}
          </label>
        </fieldset>
      )}
      <label htmlFor={textId}>{t('workspace.comments.text')}</label>
      <textarea
        id={textId}
        ref={textRef}
        value={text}
        rows={3}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        onChange={(event) => setText(event.target.value)}
      />
      {problem && (
        <p id={problemId} className="workspace-comments__problem" role="alert">
          {say(problem, lang)}
        </p>
      )}
      <div>
        <button type="submit" disabled={busy} aria-busy={busy || undefined}>
          {busy ? t('workspace.comments.posting') : t('workspace.comments.post')}
        </button>
      </div>
    </form>
  );
}
