// In the editor's toolbar on a team workspace's page: what became of the changes made while the server
// could not be reached (persist/offlineQueue.ts) — waiting, being sent, sent, or kept as a copy because
// someone changed the journey on the server meanwhile — and that what is open is this browser's copy
// while offline. A polite live region, empty (and taking no room) when there is nothing to say.
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { say } from '../../i18n/say';
import { useLang } from '../../i18n/useLang';
import type { OfflineQueue } from '../../persist/offlineQueue';
import './offline.css';

export interface WorkspaceOfflineStatusProps {
  /** The queued repository's `offline` (createQueuedRepository). */
  queue: OfflineQueue;
}

/** "N changes sent" goes by itself after a while; a kept copy stays until dismissed (the member must learn of it). */
export const SENT_NOTE_MS = 10_000;

export function WorkspaceOfflineStatus({ queue }: WorkspaceOfflineStatusProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const state = useSyncExternalStore(queue.subscribe, queue.state);
  const { pending, offline, sending, sent, copies, refused } = state;

  useEffect(() => {
    if (sent === 0 || copies.length > 0 || pending > 0 || sending) return;
    const timer = setTimeout(() => queue.dismiss(), SENT_NOTE_MS);
    return () => clearTimeout(timer);
  }, [queue, sent, copies.length, pending, sending]);

  const lines: string[] = [];
  if (sending) lines.push(t('workspace.offline.sending', { count: pending }));
  else if (pending > 0 && refused) lines.push(t('workspace.offline.waitingRefused', { count: pending, reason: say(refused, lang) }));
  else if (pending > 0) lines.push(t('workspace.offline.waiting', { count: pending }));
  else if (offline) lines.push(t('workspace.offline.showingCopy'));
  if (!sending && pending === 0 && sent > 0 && copies.length < sent) lines.push(t('workspace.offline.sent', { count: sent }));
  for (const copy of copies) lines.push(t('workspace.offline.kept', { of: copy.of, name: copy.name }));

  return (
    // A named group only while there is something in it: an empty group would still be announced.
    <span className="workspace-offline" role={lines.length > 0 ? 'group' : undefined} aria-label={lines.length > 0 ? t('workspace.offline.label') : undefined}>
      <span role="status" aria-live="polite" className={`workspace-offline__status${pending > 0 ? ' workspace-offline__status--waiting' : ''}`}>
        {lines.map((line) => (
          <span key={line}>{line}</span>
        ))}
      </span>
      {pending > 0 && !sending && (
        <button type="button" onClick={() => void queue.sync()}>
          {t('workspace.offline.sendNow')}
        </button>
      )}
      {!sending && (copies.length > 0 || sent > 0) && (
        <button type="button" onClick={() => queue.dismiss()}>
          {t('workspace.offline.dismiss')}
        </button>
      )}
    </span>
  );
}
