// Trainer mode around the journey's canvas: the simulation played back on it (dots along edges, live
// counts, stage populations), the playback bar and lifecycle strip under it, and beside it the lesson,
// the user being followed and the "why" of any node or metric. The lesson followed and its step are
// kept with the journey (lessons/useFollowedLesson.ts). Presentation mode hides the side, the app's
// chrome and the editing tools, enlarges everything for a room and frames the step's nodes above the
// caption (presentation/FocusFrame.tsx).
import { useEffect, useId, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { JourneyCanvas } from '../canvas/JourneyCanvas';
import type { CanvasOverlay } from '../canvas/overlay';
import { simulationOverlay } from '../simulate/canvasOverlay';
import { trainerOverlay } from './canvasOverlay';
import { createTrainerStore, trainerTabs, type TrainerTab } from './trainerStore';
import { TrainerStoreContext } from './TrainerStoreContext';
import { PlaybackProvider } from './playback/PlaybackProvider';
import { PlaybackBar } from './playback/PlaybackBar';
import { LifecycleStrip } from './playback/LifecycleStrip';
import { LessonTab } from './lessons/LessonTab';
import { LessonCaption } from './lessons/LessonCaption';
import { FollowUserTab } from './follow/FollowUserTab';
import { ExplainTab } from './explain/ExplainTab';
import { isTyping } from '../isTyping';
import { useEditor } from '../store/useEditor';
import { useFollowedLesson } from './lessons/useFollowedLesson';
import './trainer.css';

// What presentation mode hides (trainer.css): focus left there would fall to the page's body.
const HIDDEN_WHILE_PRESENTING = '.trainer__side > :not(.trainer__presenting), .app-header, .toolbar, .simulation-panel';

// Trainer mode keeps the last simulation's counts on the canvas and adds its focus and playback dots.
const canvasOverlay: CanvasOverlay = { ...simulationOverlay, ...trainerOverlay };

const tabLabelKeys = { lesson: 'trainer.tabs.lesson', follow: 'trainer.tabs.follow', explain: 'trainer.tabs.explain' } as const satisfies Record<TrainerTab, string>;

/** `lessonId`: the lesson named in the address; null to follow the journey's own (if it has one). */
export function TrainerWorkspace({ lessonId: namedLessonId }: { lessonId: string | null }) {
  const { t } = useTranslation();
  const trainer = useMemo(() => createTrainerStore({ tab: namedLessonId ? 'lesson' : 'follow' }), [namedLessonId]);
  const journeyId = useEditor((state) => state.journey?.id ?? null);
  const followed = useFollowedLesson(trainer, journeyId, namedLessonId);
  const lessonId = followed.state === 'ready' ? followed.lessonId : null;
  const tab = useStore(trainer, (state) => state.tab);
  const presenting = useStore(trainer, (state) => state.presenting);
  const panelId = useId();
  const presentButton = useRef<HTMLButtonElement>(null);

  // Presentation mode dresses the whole page (the app header hides too). Focus inside what it hides
  // goes to the Stop presenting button, so the keyboard still has somewhere to be.
  useEffect(() => {
    document.documentElement.toggleAttribute('data-presenting', presenting);
    const focused = document.activeElement;
    if (presenting && focused instanceof Element && focused.closest(HIDDEN_WHILE_PRESENTING)) presentButton.current?.focus();
    return () => document.documentElement.removeAttribute('data-presenting');
  }, [presenting]);

  // On the document, not the workspace: wherever focus is (the page's body included), P and Esc work.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      const { presenting: now, setPresenting } = trainer.getState();
      if (event.key === 'p' || event.key === 'P') {
        event.preventDefault();
        setPresenting(!now);
      } else if (event.key === 'Escape' && now) {
        event.preventDefault();
        setPresenting(false);
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [trainer]);

  const onTabKey = (event: KeyboardEvent, index: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    event.stopPropagation();
    const next = trainerTabs[(index + step + trainerTabs.length) % trainerTabs.length]!;
    trainer.getState().setTab(next);
    document.getElementById(`${panelId}-tab-${next}`)?.focus();
  };

  return (
    <TrainerStoreContext.Provider value={trainer}>
      <PlaybackProvider>
        <div className="trainer" data-presenting={presenting || undefined}>
          <section className="trainer__canvas" aria-label={t('canvas.region')}>
            <JourneyCanvas overlay={canvasOverlay} spaceKeyPans={false} />
          </section>
          <LessonCaption lessonId={lessonId} />
          <aside className="trainer__side" aria-label={t('trainer.side')}>
            <div className="trainer__presenting">
              <button ref={presentButton} type="button" aria-pressed={presenting} onClick={() => trainer.getState().setPresenting(!presenting)} title={t('trainer.presentShortcut')}>
                {presenting ? t('trainer.stopPresenting') : t('trainer.present')}
              </button>
            </div>
            <div className="trainer__tabs" role="tablist" aria-label={t('trainer.tabsLabel')}>
              {trainerTabs.map((key, index) => (
                <button
                  key={key}
                  id={`${panelId}-tab-${key}`}
                  type="button"
                  role="tab"
                  aria-selected={tab === key}
                  aria-controls={`${panelId}-${key}`}
                  tabIndex={tab === key ? 0 : -1}
                  onClick={() => trainer.getState().setTab(key)}
                  onKeyDown={(event) => onTabKey(event, index)}
                >
                  {t(tabLabelKeys[key])}
                </button>
              ))}
            </div>
            {trainerTabs.map((key) => (
              <div key={key} id={`${panelId}-${key}`} role="tabpanel" aria-labelledby={`${panelId}-tab-${key}`} hidden={tab !== key} className="trainer__panel">
                {tab === key && key === 'lesson' && (followed.state === 'ready' ? <LessonTab lessonId={lessonId} /> : <p role="status">{t('trainer.lessons.tab.loading')}</p>)}
                {tab === key && key === 'follow' && <FollowUserTab />}
                {tab === key && key === 'explain' && <ExplainTab />}
              </div>
            ))}
          </aside>
          <div className="trainer__playback">
            <PlaybackBar />
            <LifecycleStrip />
          </div>
        </div>
      </PlaybackProvider>
    </TrainerStoreContext.Provider>
  );
}
