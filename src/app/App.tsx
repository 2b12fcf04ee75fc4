// The application: header (title, language), then the journeys list or the editor, by URL fragment.
import { Suspense, useEffect, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import './app.css';
import { LANGUAGES, isLanguage, setLanguage } from './i18n/index.ts';
import { useLang } from './i18n/useLang.ts';
import { ServicesContext, type AppServices } from './services.ts';
import { openJourneyRepository } from './persist/dexieRepository.ts';
import { tabId } from './persist/tabId.ts';
import { useRoute } from './useRoute.ts';
import { HomeScreen } from './home/HomeScreen.tsx';
import { EditorScreen } from './editor/EditorScreen.tsx';
import { CohortsScreen, GlossaryScreen, LessonsScreen, LoadingPart } from './lazyScreens.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
// Team workspace (issue 19): only on a page `journey-lab serve` marked; its code loads only there.
import { workspaceApiBase } from './workspace/marker.ts';
import { WorkspaceGate, WorkspaceMemberBar } from './workspace/lazy.tsx';

/**
 * Opens browser storage once; tests pass their own services instead. On a team workspace's page
 * (`workspace` set) WorkspaceGate makes them once someone is signed in, through the setter.
 */
function useServicesOrOpen(given: AppServices | undefined, workspace: string | null): [AppServices | null, (services: AppServices | null) => void] {
  const [services, setServices] = useState<AppServices | null>(given ?? null);
  useEffect(() => {
    if (given || workspace) return;
    let cancelled = false;
    void openJourneyRepository().then(({ repository, fallbackReason }) => {
      if (!cancelled) setServices({ repository, tabId, storageWarning: fallbackReason?.message ?? null });
    });
    return () => {
      cancelled = true;
    };
  }, [given, workspace]);
  return [services, setServices];
}

export function App({ services: given }: { services?: AppServices } = {}) {
  const { t } = useTranslation();
  const lang = useLang();
  // Team workspace: the API's path when `journey-lab serve` served this page, else null (local-only, as always).
  const [workspace] = useState(() => (given ? null : workspaceApiBase()));
  const [services, setServices] = useServicesOrOpen(given, workspace);
  const [route, navigate] = useRoute();

  const onLanguageChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const next = event.target.value;
    if (isLanguage(next)) void setLanguage(next);
  };

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-header__title">
          <a href="#/" onClick={() => navigate({ screen: 'home' })}>
            {t('app.title')}
          </a>
        </h1>
        <label className="language-switch">
          <span className="language-switch__label">{t('language.label')}</span>
          <select className="language-switch__select" value={lang} onChange={onLanguageChange}>
            {LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {/* Each language in itself, from its own catalog. */}
                {t('language.self', { lng: code })}
              </option>
            ))}
          </select>
        </label>
        {/* Team workspace: who is signed in, and Sign out. */}
        {services?.workspace && (
          <Suspense fallback={null}>
            <WorkspaceMemberBar workspace={services.workspace} />
          </Suspense>
        )}
      </header>
      <main className="app-main">
        {!services && workspace ? (
          // Team workspace: sign in (or find the session) before any screen.
          <Suspense fallback={<LoadingPart />}>
            <WorkspaceGate base={workspace} onReady={setServices} onSignedOut={() => setServices(null)} />
          </Suspense>
        ) : !services ? (
          <p role="status">{t('editor.loading')}</p>
        ) : (
          <ServicesContext.Provider value={services}>
            {/* A screen that fails to draw says so in place; the header stays, so the user can go elsewhere. */}
            <ErrorBoundary area={t('errorBoundary.areas.screen')} resetKeys={[JSON.stringify(route)]}>
            {/* The screens other than home and the editor load on first use (lazyScreens.tsx). */}
            <Suspense fallback={<LoadingPart />}>
            {route.screen === 'editor' || route.screen === 'train' ? (
              <EditorScreen
                key={route.journeyId}
                journeyId={route.journeyId}
                onBack={() => navigate(route.screen === 'train' && route.lessonId ? { screen: 'learn', link: null } : { screen: 'home' })}
                mode={route.screen === 'train' ? { kind: 'trainer', lessonId: route.lessonId } : { kind: 'editor' }}
                onSwitchMode={(mode) => navigate(mode.kind === 'trainer' ? { screen: 'train', journeyId: route.journeyId, lessonId: mode.lessonId } : { screen: 'editor', journeyId: route.journeyId })}
              />
            ) : route.screen === 'learn' ? (
              <LessonsScreen
                link={route.link}
                onStart={(journeyId, lessonId) => navigate({ screen: 'train', journeyId, lessonId })}
                onHome={() => navigate({ screen: 'home' })}
              />
            ) : route.screen === 'cohorts' || route.screen === 'cohort' ? (
              <CohortsScreen
                cohortId={route.screen === 'cohort' ? route.cohortId : null}
                onOpen={(cohortId) => navigate(cohortId ? { screen: 'cohort', cohortId } : { screen: 'cohorts' })}
                onHome={() => navigate({ screen: 'home' })}
              />
            ) : route.screen === 'glossary' ? (
              <GlossaryScreen term={route.term} onHome={() => navigate({ screen: 'home' })} />
            ) : (
              <HomeScreen onOpen={(journeyId) => navigate({ screen: 'editor', journeyId })} />
            )}
            </Suspense>
            </ErrorBoundary>
          </ServicesContext.Provider>
        )}
      </main>
    </div>
  );
}

export default App;
