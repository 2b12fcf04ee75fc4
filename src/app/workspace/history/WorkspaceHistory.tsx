// In the editor's toolbar on a team workspace's page: History opens the journey's versions (who, when,
// what; newest first). Choosing one says in words what the journey being edited changes against it and
// highlights the steps added, changed and moved on the canvas (historyOverlay.tsx); closing clears the
// highlight. Editors and up may restore a chosen version — once everything is saved, naming the newest
// version in If-Match, so a restore never overwrites a save it has not seen (412: someone saved
// meanwhile; the list is read again). Loads only on such a page.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { diffJourneys, type JourneyDocument } from '../../../core/journey';
import { message, type Message } from '../../../core/i18n';
import { say } from '../../i18n/say';
import { useLang } from '../../i18n/useLang';
import { workspaceRoles, type WorkspaceRole } from '../client';
import type { WorkspaceServices } from '../types';
import { DiffSummary } from './DiffSummary';
import { useHistoryHighlight } from './highlight';
import { fetchVersion, fetchVersions, restoreVersion, type JourneyVersion } from './versions';
import './history.css';

export interface WorkspaceHistoryProps {
  workspace: WorkspaceServices;
  journeyId: string;
  /** Whether the editor has saved everything: a restore replaces the saved journey, so it waits till then. */
  saved: boolean;
  /** The journey as the editor has it now, what each version is compared with. */
  currentDocument: JourneyDocument;
  /** Called after a restore: the editor loads the server's (restored) version. */
  onRestored(): Promise<void>;
}

const rank = (role: WorkspaceRole) => workspaceRoles.indexOf(role);
const staleMessage = message('app.workspace.history.stale');

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function formatWhen(at: number, lang: string): string {
  let format = dateFormats.get(lang);
  if (!format) dateFormats.set(lang, (format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' })));
  return format.format(at);
}

export function WorkspaceHistory({ workspace, journeyId, saved, currentDocument, onRestored }: WorkspaceHistoryProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const { client, member } = workspace;
  const panelId = useId();
  const headingId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const [open, setOpen] = useState(false);
  const [versions, setVersions] = useState<JourneyVersion[] | null>(null);
  const [reloads, setReloads] = useState(0);
  const [chosen, setChosen] = useState<number | null>(null);
  // Versions never change once written: each is fetched once.
  const [documents, setDocuments] = useState<ReadonlyMap<number, JourneyDocument>>(() => new Map());
  const [problem, setProblem] = useState<Message | null>(null);
  const [restored, setRestored] = useState<{ version: number; newVersion: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const loaded = useRef(false);
  const showHighlight = useHistoryHighlight((state) => state.show);
  const clearHighlight = useHistoryHighlight((state) => state.clear);

  // Each save is a new version: read the list on opening, and again whenever everything is saved.
  useEffect(() => {
    if (!open || (!saved && loaded.current)) return;
    let cancelled = false;
    void fetchVersions(client, journeyId).then((result) => {
      if (cancelled) return;
      loaded.current = true;
      if (result.ok) setVersions(result.value);
      else setProblem(result.message);
    });
    return () => {
      cancelled = true;
    };
  }, [client, journeyId, open, saved, reloads]);

  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open]);

  const chosenDocument = chosen === null ? undefined : documents.get(chosen);
  const diff = useMemo(() => (chosenDocument ? diffJourneys(chosenDocument, currentDocument) : null), [chosenDocument, currentDocument]);
  useEffect(() => {
    if (open && chosen !== null && diff) showHighlight(chosen, diff);
    else clearHighlight();
  }, [open, chosen, diff, showHighlight, clearHighlight]);
  useEffect(() => clearHighlight, [clearHighlight]);

  const close = () => {
    setOpen(false);
    // Opened again, the list is read again, saved or not.
    loaded.current = false;
    setChosen(null);
    setRestored(null);
    button.current?.focus();
  };
  // Keys typed here are the panel's own (Delete on its buttons must not delete the selected step).
  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'Escape') close();
  };

  const choose = async (version: number) => {
    setChosen(version);
    setProblem(null);
    setRestored(null);
    if (documents.has(version)) return;
    const result = await fetchVersion(client, journeyId, version);
    if (result.ok) setDocuments((before) => new Map(before).set(version, result.value));
    else setProblem(result.message);
  };

  const newest = versions?.[0]?.version ?? null;
  const restore = async () => {
    if (chosen === null || newest === null || busy) return;
    setBusy(true);
    setProblem(null);
    setRestored(null);
    const result = await restoreVersion(client, journeyId, chosen, newest);
    if (result.ok) {
      await onRestored();
      setRestored({ version: chosen, newVersion: result.value });
    } else setProblem(result.stale ? staleMessage : result.message);
    setBusy(false);
    setReloads((count) => count + 1);
  };

  const mayRestore = rank(member.role) >= rank('editor');
  const entry = (version: JourneyVersion) =>
    t('workspace.history.entry', { action: t(`workspace.history.actions.${version.action}`), who: version.createdBy ?? t('workspace.history.someone'), when: formatWhen(version.createdAt, lang) });

  return (
    <div className="workspace-history">
      <button ref={button} type="button" aria-expanded={open} aria-controls={open ? panelId : undefined} onClick={() => (open ? close() : setOpen(true))}>
        {t('workspace.history.button')}
      </button>
      {open && (
        <section id={panelId} className="workspace-history__panel" role="dialog" aria-modal="false" aria-labelledby={headingId} lang={lang} onKeyDown={onKeyDown}>
          <header className="workspace-history__header">
            <h2 id={headingId} ref={heading} tabIndex={-1}>
              {t('workspace.history.title')}
            </h2>
            <button type="button" aria-label={t('workspace.history.close')} title={t('workspace.history.close')} onClick={close}>
              ×
            </button>
          </header>
          {versions === null && !problem && <p role="status">{t('workspace.history.loading')}</p>}
          {versions && (
            <ol className="workspace-history__versions" aria-label={t('workspace.history.listLabel')}>
              {versions.map((version) => (
                <li key={version.version}>
                  {version.action === 'delete' ? (
                    <span>{t('workspace.history.version', { version: version.version })}</span>
                  ) : (
                    <button type="button" aria-pressed={chosen === version.version} aria-describedby={`${panelId}-v${version.version}`} onClick={() => void choose(version.version)}>
                      {t('workspace.history.version', { version: version.version })}
                    </button>
                  )}
                  <span id={`${panelId}-v${version.version}`} className="workspace-history__meta">
                    {entry(version)}
                    {version.version === newest && ` · ${t('workspace.history.current')}`}
                  </span>
                </li>
              ))}
            </ol>
          )}
          {versions && chosen === null && <p className="workspace-history__note">{t('workspace.history.pick')}</p>}
          {chosen !== null && (
            <section aria-labelledby={`${headingId}-compare`}>
              <h3 id={`${headingId}-compare`}>{t('workspace.history.compareHeading', { version: chosen })}</h3>
              {!diff && !problem && <p role="status">{t('workspace.history.comparing', { version: chosen })}</p>}
              {diff && (
                <>
                  <DiffSummary diff={diff} />
                  <p className="workspace-history__note">{t('workspace.history.legend')}</p>
                  {chosen === newest && <p className="workspace-history__note">{t('workspace.history.isCurrent')}</p>}
                  {mayRestore && chosen !== newest && (
                    <>
                      <button type="button" disabled={!saved || busy} aria-busy={busy || undefined} onClick={() => void restore()}>
                        {t('workspace.history.restore', { version: chosen })}
                      </button>
                      {!saved && <p className="workspace-history__note">{t('workspace.history.restoreSaveFirst')}</p>}
                    </>
                  )}
                </>
              )}
            </section>
          )}
          {restored && <p role="status">{t('workspace.history.restored', restored)}</p>}
          {problem && (
            <p className="workspace-history__problem" role="alert">
              {say(problem, lang)}
            </p>
          )}
        </section>
      )}
    </div>
  );
}
