// "Change password" for the signed-in member of a team workspace: a button that opens a dialog with the
// current password and the new one twice. The server checks the current one and the new one's length and
// answers in its own words (shown in the page's language, on the field they are about); this dialog checks
// only that nothing is empty and that the new one was typed the same twice. On success the member's other
// sessions are signed out and this one stays. Loads only on a workspace's page.
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { message, type Message } from '../../../core/i18n';
import { say } from '../../i18n/say';
import { useLang } from '../../i18n/useLang';
import type { WorkspaceServices } from '../types';
import { changeOwnPassword, type PasswordField } from './account';
import './account.css';

export interface WorkspaceAccountProps {
  workspace: WorkspaceServices;
}

type Field = PasswordField | 'repeat';
interface Problem {
  text: Message;
  field: Field | null;
}

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

export function WorkspaceAccount({ workspace }: WorkspaceAccountProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  return (
    <>
      <button ref={opener} type="button" className="workspace-account__open" aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(true)}>
        {t('workspace.account.open')}
      </button>
      {open && <PasswordDialog workspace={workspace} onClose={close} />}
    </>
  );
}

function PasswordDialog({ workspace, onClose }: { workspace: WorkspaceServices; onClose(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const id = useId();
  const dialog = useRef<HTMLElement>(null);
  const first = useRef<HTMLInputElement>(null);
  const doneButton = useRef<HTMLButtonElement>(null);
  const [values, setValues] = useState<Record<Field, string>>({ current: '', new: '', repeat: '' });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  useEffect(() => (done ? doneButton.current : first.current)?.focus(), [done]);

  const own = (field: Field, key: string): Problem => ({ text: message(`app.workspace.account.${key}`), field });
  const check = (): Problem | null => {
    if (!values.current) return own('current', 'currentMissing');
    if (!values.new) return own('new', 'newMissing');
    if (values.new !== values.repeat) return own('repeat', 'mismatch');
    return null;
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const wrong = check();
    setProblem(wrong);
    if (wrong) return;
    setBusy(true);
    const result = await changeOwnPassword(workspace.client, values.current, values.new);
    setBusy(false);
    if (result.ok) setDone(true);
    else setProblem({ text: result.message, field: result.field });
  };

  // Escape closes (unless a change is under way); Tab stays inside.
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'Escape' && !busy) {
      event.preventDefault();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => !element.hasAttribute('disabled'));
    const [head, tail] = [focusable[0], focusable[focusable.length - 1]];
    if (!head || !tail) return;
    if (event.shiftKey && document.activeElement === head) {
      event.preventDefault();
      tail.focus();
    } else if (!event.shiftKey && document.activeElement === tail) {
      event.preventDefault();
      head.focus();
    }
  };

  const problemId = `${id}-problem`;
  const field = (name: Field, label: string, autoComplete: string, hint?: string) => {
    const invalid = problem?.field === name;
    const hintId = `${id}-${name}-hint`;
    const describedBy = [hint ? hintId : '', invalid ? problemId : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div className="workspace-account__field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        <input
          ref={name === 'current' ? first : undefined}
          id={`${id}-${name}`}
          type="password"
          autoComplete={autoComplete}
          value={values[name]}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(event) => setValues((before) => ({ ...before, [name]: event.target.value }))}
        />
        {hint && (
          <span id={hintId} className="workspace-account__hint">
            {hint}
          </span>
        )}
      </div>
    );
  };

  return createPortal(
    <div className="workspace-account__backdrop" lang={lang}>
      <section ref={dialog} className="workspace-account__dialog" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} onKeyDown={onKeyDown}>
        <h2 id={`${id}-title`}>{t('workspace.account.title')}</h2>
        {done ? (
          <>
            <p role="status">{t('workspace.account.done')}</p>
            <div className="workspace-account__actions">
              <button ref={doneButton} type="button" onClick={onClose}>
                {t('workspace.account.close')}
              </button>
            </div>
          </>
        ) : (
          <form className="workspace-account__form" onSubmit={(event) => void submit(event)} noValidate>
            <p className="workspace-account__intro">{t('workspace.account.intro', { email: workspace.member.email })}</p>
            {field('current', t('workspace.account.current'), 'current-password')}
            {field('new', t('workspace.account.new'), 'new-password', t('workspace.account.newHint'))}
            {field('repeat', t('workspace.account.repeat'), 'new-password')}
            {problem && (
              <p id={problemId} className="workspace-account__problem" role="alert">
                {say(problem.text, lang)}
              </p>
            )}
            <div className="workspace-account__actions">
              <button type="submit" disabled={busy} aria-busy={busy || undefined}>
                {busy ? t('workspace.account.busy') : t('workspace.account.submit')}
              </button>
              <button type="button" disabled={busy} onClick={onClose}>
                {t('workspace.account.cancel')}
              </button>
            </div>
          </form>
        )}
      </section>
    </div>,
    document.body,
  );
}
