// In the editor's toolbar on a team workspace's page: the other members who have this journey open
// ("Also here: Ana Lima, Bo"), each with an initials avatar; nothing when nobody else is. While mounted and
// the page is visible it tells the server every 20 s that this member has the journey open; it leaves on
// unmount and when the page goes away (pagehide), and a hidden page stops marking, so it drops out within
// the server's 60 s. Loads only on such a page (mounted lazily beside WorkspaceReview).
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n/useLang';
import type { WorkspaceServices } from '../types';
import { avatarColourOf, HEARTBEAT_MS, initialsOf, leavePresence, markPresence, othersThan, type PresentMember } from './presence';
import './presence.css';

export interface WorkspacePresenceProps {
  workspace: WorkspaceServices;
  journeyId: string;
}

export function WorkspacePresence({ workspace, journeyId }: WorkspacePresenceProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const labelId = useId();
  const { client, member } = workspace;
  const [others, setOthers] = useState<PresentMember[]>([]);

  useEffect(() => {
    let mounted = true;
    const heartbeat = async () => {
      if (document.visibilityState === 'hidden') return;
      const present = await markPresence(client, journeyId);
      // Not known (offline, the journey not on the server yet): show nobody rather than old news.
      if (mounted) setOthers(present ? othersThan(present, member.email) : []);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') void heartbeat();
    };
    const onPageHide = () => void leavePresence(client, journeyId, true);
    // Back from the browser's back-forward cache: the page left the journey at pagehide, so mark it again.
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted) void heartbeat();
    };
    void heartbeat();
    const timer = window.setInterval(() => void heartbeat(), HEARTBEAT_MS);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('pageshow', onPageShow);
    return () => {
      mounted = false;
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
      void leavePresence(client, journeyId);
    };
  }, [client, journeyId, member.email]);

  if (others.length === 0) return null;
  const time = new Intl.DateTimeFormat(lang, { timeStyle: 'short' });
  return (
    <div className="workspace-presence">
      <span id={labelId} className="workspace-presence__label">
        {t('workspace.presence.label')}
      </span>
      <ul className="workspace-presence__list" aria-labelledby={labelId}>
        {others.map((present) => (
          <li key={present.email} className="workspace-presence__member" title={t('workspace.presence.member', { name: present.name, email: present.email, since: time.format(present.since) })}>
            <span className={`workspace-presence__avatar workspace-presence__avatar--${avatarColourOf(present.email)}`} aria-hidden="true">
              {initialsOf(present.name)}
            </span>
            <span className="workspace-presence__name">{present.name}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
