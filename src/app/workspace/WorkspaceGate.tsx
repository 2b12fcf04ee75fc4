// A team workspace's page before its screens: asks the server who is signed in (GET /api/session); when
// nobody is, the sign-in screen; once someone is, the app's services with journeys on the server (the
// HTTP repository over this browser's IndexedDB for the rest) and who is signed in, for the header.
// Loads only on a page `journey-lab serve` marked (see marker.ts and lazy.tsx).
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { message, type Message } from '../../core/i18n';
import { say } from '../i18n/say';
import { useLang } from '../i18n/useLang';
import { createHttpRepository } from '../persist/httpRepository';
import { createQueuedRepository } from '../persist/offlineQueue';
import { openJourneyRepository } from '../persist/dexieRepository';
import type { JourneyRepository, StorageError } from '../persist/repository';
import { tabId } from '../persist/tabId';
import type { AppServices } from '../services';
import { createWorkspaceClient, type WorkspaceClient, type WorkspaceMember } from './client';
import { currentSession, signIn, signOut } from './session';
import type { WorkspaceServices } from './types';
import { WorkspaceAccount } from './account/WorkspaceAccount';
import { WorkspaceOfflineStatus } from './offline/WorkspaceOfflineStatus';
import './workspace.css';

export interface WorkspaceGateProps {
  /** The API's path on this origin (from the page's marker). */
  base: string;
  onReady(services: AppServices): void;
  /** The session ended (signed out, or the server answered 401): show this gate again. */
  onSignedOut(): void;
  /** This browser's storage for what stays local; IndexedDB when left out (tests pass memory). */
  openLocal?: () => Promise<{ repository: JourneyRepository; fallbackReason: StorageError | null }>;
}

const defaultOpenLocal = () => openJourneyRepository();

export function WorkspaceGate({ base, onReady, onSignedOut, openLocal = defaultOpenLocal }: WorkspaceGateProps) {
  const { t } = useTranslation();
  const client = useMemo(() => createWorkspaceClient({ base }), [base]);
  const [phase, setPhase] = useState<'checking' | 'signIn' | 'opening'>('checking');
  const [problem, setProblem] = useState<Message | null>(null);
  // Reached through a ref so the session check runs once per client, not on each render's new callbacks.
  const callbacks = useRef({ onReady, onSignedOut, openLocal });
  useEffect(() => {
    callbacks.current = { onReady, onSignedOut, openLocal };
  });

  const enter = useCallback(
    async (member: WorkspaceMember) => {
      setPhase('opening');
      const { repository: local, fallbackReason } = await callbacks.current.openLocal();
      // Edits made while the server is out of reach wait in this browser and are sent when it answers again.
      const repository = createQueuedRepository(createHttpRepository({ client, local }), local);
      let left = false;
      const leave = () => {
        if (left) return;
        left = true;
        stopHearing();
        repository.close();
        callbacks.current.onSignedOut();
      };
      const stopHearing = client.onSignedOut(leave);
      const workspace: WorkspaceServices = {
        member,
        client,
        offline: repository.offline,
        async signOut() {
          const failed = await signOut(client);
          if (!failed) leave();
          return failed;
        },
      };
      callbacks.current.onReady({ repository, tabId, storageWarning: fallbackReason?.message ?? null, workspace });
    },
    [client],
  );

  useEffect(() => {
    let cancelled = false;
    void currentSession(client).then((result) => {
      if (cancelled) return;
      if (result.ok) return void enter(result.member);
      // Nobody signed in is the usual start: no error for that, only for a server that could not say.
      setProblem(result.signedOut ? null : result.message);
      setPhase('signIn');
    });
    return () => {
      cancelled = true;
    };
  }, [client, enter]);

  if (phase !== 'signIn')
    return (
      <p className="app-loading" role="status">
        {t('workspace.loading')}
      </p>
    );
  return <SignInScreen client={client} problem={problem} onProblem={setProblem} onSignedIn={(member) => void enter(member)} />;
}

const emailMissing = message('app.workspace.signIn.emailMissing');
const passwordMissing = message('app.workspace.signIn.passwordMissing');

function SignInScreen({ client, problem, onProblem, onSignedIn }: { client: WorkspaceClient; problem: Message | null; onProblem(problem: Message | null): void; onSignedIn(member: WorkspaceMember): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState<'email' | 'password' | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const empty = !email.trim() ? 'email' : !password ? 'password' : null;
    setMissing(empty);
    if (empty) return onProblem(empty === 'email' ? emailMissing : passwordMissing);
    setBusy(true);
    onProblem(null);
    const result = await signIn(client, email.trim(), password);
    setBusy(false);
    if (result.ok) return onSignedIn(result.member);
    setPassword('');
    onProblem(result.message);
  };

  return (
    <section className="workspace-sign-in" aria-labelledby="workspace-sign-in-title">
      <h2 id="workspace-sign-in-title">{t('workspace.signIn.title')}</h2>
      <p>{t('workspace.signIn.intro')}</p>
      <form className="workspace-sign-in__form" noValidate onSubmit={(event) => void submit(event)}>
        <label className="workspace-sign-in__field">
          <span>{t('workspace.signIn.email')}</span>
          <input type="email" name="email" autoComplete="username" required value={email} aria-invalid={missing === 'email' || undefined} onChange={(event) => setEmail(event.target.value)} />
        </label>
        <label className="workspace-sign-in__field">
          <span>{t('workspace.signIn.password')}</span>
          <input type="password" name="password" autoComplete="current-password" required value={password} aria-invalid={missing === 'password' || undefined} onChange={(event) => setPassword(event.target.value)} />
        </label>
        {problem && (
          <p className="workspace-sign-in__problem" role="alert">
            {say(problem, lang)}
          </p>
        )}
        <button type="submit" className="workspace-sign-in__submit" aria-busy={busy || undefined}>
          {busy ? t('workspace.signIn.busy') : t('workspace.signIn.submit')}
        </button>
      </form>
    </section>
  );
}

/** In the header: who is signed in, with their role, and Sign out. */
export function WorkspaceMemberBar({ workspace }: { workspace: WorkspaceServices }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [failure, setFailure] = useState<Message | null>(null);
  const { member } = workspace;
  return (
    <div className="workspace-member" role="group" aria-label={t('workspace.member.label')}>
      <span className="workspace-member__who" title={member.email}>
        {t('workspace.member.signedInAs', { name: member.name, role: t(`workspace.roles.${member.role}`) })}
      </span>
      {workspace.offline && <WorkspaceOfflineStatus queue={workspace.offline} />}
      <WorkspaceAccount workspace={workspace} />
      <button type="button" className="workspace-member__sign-out" onClick={() => void workspace.signOut().then(setFailure)}>
        {t('workspace.member.signOut')}
      </button>
      {failure && (
        <span className="workspace-member__problem" role="alert">
          {t('workspace.member.signOutFailed', { reason: say(failure, lang) })}
        </span>
      )}
    </div>
  );
}
