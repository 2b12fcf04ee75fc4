// What the first screen (the journeys list or the editor) does not need loads when it is first shown,
// each in a chunk of its own: the cohorts and calibration screens, the lessons, the glossary and trainer
// mode. The JavaScript fetched before the first screen stays small (scripts/initialBundle.ts measures
// it, test/e2e/bundle.spec.ts holds it). Keep the static imports of these modules out of the entry's
// import graph (App.tsx, EditorScreen.tsx and what they import), or they return to the first chunk.
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { loadAllCatalogs } from './i18n/index.ts';

/** Shown in place of a part of the app while its code loads: announced, not a blank. */
export function LoadingPart() {
  const { t } = useTranslation();
  return (
    <p className="app-loading" role="status">
      {t('app.loading')}
    </p>
  );
}

// These two show texts in every language, not only the current one (a new cohort or segment is named in
// both, the glossary gives each term's name in the others): their loaders bring every catalog too.
export const CohortsScreen = lazy(() => Promise.all([import('./cohorts/CohortsScreen'), loadAllCatalogs()]).then(([module]) => ({ default: module.CohortsScreen })));
export const LessonsScreen = lazy(() => import('./trainer/lessons/LessonsScreen').then((module) => ({ default: module.LessonsScreen })));
export const GlossaryScreen = lazy(() => Promise.all([import('./glossary/GlossaryScreen'), loadAllCatalogs()]).then(([module]) => ({ default: module.GlossaryScreen })));
export const TrainerWorkspace = lazy(() => import('./trainer/TrainerWorkspace').then((module) => ({ default: module.TrainerWorkspace })));
export const SimulationPanel = lazy(() => import('./simulate/SimulationPanel').then((module) => ({ default: module.SimulationPanel })));
