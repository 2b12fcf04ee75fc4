import { useInspectorChanges } from './useInspectorChanges';
import { Suspense, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import type { JourneyDocument } from '../../core/journey';
import type { Problem } from '../../core/journey';
import { NODE_WIDTH } from '../../core/editor';
import { editorFor } from '../store/journeyEditor';
import { createEditorStore, type EditorStore } from '../store/editorStore';
import { EditorStoreContext } from '../store/EditorStoreContext';
import { useEditor } from '../store/useEditor';
import { useProblems } from '../store/useProblems';
import { useAutosave } from '../store/useAutosave';
import { runAction } from '../actions';
import { addStepAction } from '../actions/addStep';
import { autoLayoutAction } from '../actions/autoLayout';
import { useFitJourney } from '../canvas/fitJourney';
import { useEditorShortcuts } from './useEditorShortcuts';
import { useServices } from '../services';
import { settingKeys } from '../persist/repository';
import { loadForEditing, unsavedCopiesFor } from '../persist/unsavedCopy';
import { JourneyCanvas } from '../canvas/JourneyCanvas';
import { Palette } from '../panels/Palette';
import { ProblemsPanel } from '../panels/ProblemsPanel';
import { Inspector } from '../panels/Inspector';
import { PortConnections } from '../panels/PortConnections';
import { Toolbar } from './Toolbar';
import { SaveBanner } from './SaveBanner';
import { SetAsideNotice } from './SetAsideNotice';
import { SimulationProvider } from '../simulate/SimulationProvider';
import { simulationOverlay } from '../simulate/canvasOverlay';
// Team workspace (issue 19): its overlays are light (stores and badges); its screens load only on a workspace's page.
import { combineOverlays } from '../canvas/overlay';
import { historyOverlay } from '../workspace/history/historyOverlay';
import { commentOverlay } from '../workspace/comments/commentOverlay';
import { ConflictChanges, WorkspaceEditorBar } from '../workspace/lazy';
import { LoadingPart, SimulationPanel, TrainerWorkspace } from '../lazyScreens';
import './editor.css';
import { ErrorBoundary } from '../ErrorBoundary';
import { useLang } from '../i18n/useLang';
import { say } from '../i18n/say';

type Loaded =
  | { state: 'loading' }
  /** `setAside`: this tab's unsaved edits from before a reload, which another tab's save overtook. */
  | { state: 'ready'; store: EditorStore; revision: number | null; setAside: JourneyDocument | null }
  | { state: 'error'; message: string };

/** How the journey is shown: for editing, or in trainer mode (following a lesson when one is given). */
export type EditorMode = { kind: 'editor' } | { kind: 'trainer'; lessonId: string | null };

export interface EditorScreenProps {
  journeyId: string;
  onBack(): void;
  /** Editing by default. */
  mode?: EditorMode;
  /** Switches between editing and trainer mode (the toolbar's button; left out, there is none). */
  onSwitchMode?(mode: EditorMode): void;
}

/**
 * The journey editor: toolbar, palette, canvas, inspector and problems for one stored journey; in
 * trainer mode the same journey with playback, lessons, the user followed and explanations instead.
 */
/** On a workspace's page the canvas also shows versions' changes and comments. A constant: the canvas reads its overlay once. */
const workspaceCanvasOverlay = combineOverlays(simulationOverlay, historyOverlay, commentOverlay);

export function EditorScreen({ journeyId, onBack, mode = { kind: 'editor' }, onSwitchMode }: EditorScreenProps) {
  const lang = useLang();
  const { t } = useTranslation();
  const { repository, unsavedCopies } = useServices();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });

  useEffect(() => {
    let cancelled = false;
    // The stored journey, or this tab's unsaved copy of it when that is newer (a reload mid-autosave).
    void loadForEditing(repository, journeyId, unsavedCopiesFor(repository, unsavedCopies)).then((result) => {
      if (cancelled) return;
      if (!result.ok) {
        const message = result.reason === 'missing' ? t('editor.missing') : result.reason === 'unreadable' ? say(result.message, lang) : say(result.error.message, lang);
        setLoaded({ state: 'error', message });
        return;
      }
      const store = createEditorStore();
      store.getState().open(result.document);
      // A restored copy is not saved yet: dirty, so autosave writes it.
      if (result.restored) editorFor(store).markUnsaved();
      setLoaded({ state: 'ready', store, revision: result.revision, setAside: result.setAside?.document ?? null });
      void repository.setSetting(settingKeys.lastJourneyId, journeyId);
    });
    return () => {
      cancelled = true;
    };
    // Loading is keyed by the journey; a language switch must not reload it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [journeyId, repository]);

  if (loaded.state === 'loading') return <p className="editor-loading" role="status">{t('editor.loading')}</p>;
  if (loaded.state === 'error')
    return (
      <div className="editor-error" role="alert">
        <p>{loaded.message}</p>
        <button type="button" onClick={onBack}>
          {t('editor.back')}
        </button>
      </div>
    );
  return (
    <EditorStoreContext.Provider value={loaded.store}>
      <SimulationProvider editor={loaded.store}>
        <ReactFlowProvider>
          <Editor store={loaded.store} revision={loaded.revision} setAside={loaded.setAside} onBack={onBack} mode={mode} onSwitchMode={onSwitchMode} />
        </ReactFlowProvider>
      </SimulationProvider>
    </EditorStoreContext.Provider>
  );
}

function Editor({
  store,
  revision,
  setAside: initialSetAside,
  onBack,
  mode,
  onSwitchMode,
}: {
  store: EditorStore;
  revision: number | null;
  setAside: JourneyDocument | null;
  
  onBack(): void;
  mode: EditorMode;
  onSwitchMode?: (mode: EditorMode) => void;
}) {
  const { t } = useTranslation();
  const [setAside, setSetAside] = useState(initialSetAside);
  const { repository, tabId, unsavedCopies, workspace } = useServices();
  const autosave = useAutosave(store, repository, tabId, revision, unsavedCopiesFor(repository, unsavedCopies));
  // Only what this screen shows: a drag moves nodes many times a second, and must not re-render the
  // toolbar, palette and inspector each time.
  const settings = useEditor((state) => (state.journey as JourneyDocument).settings);
  // During a drag the side panels show the step as it was when the drag began (nothing they show
  // moves with it), so they do not re-render on every frame.
  const selectedNode = useEditor((state) =>
    state.selection.nodes.length === 1 ? ((state.gestureBase ?? state.journey)?.nodes.find((node) => node.id === state.selection.nodes[0]) ?? null) : null,
  );
  const problems = useProblems();
  const flow = useReactFlow();

  const fitJourney = useFitJourney();
  useEditorShortcuts(store, (action) => {
    if (action === autoLayoutAction) fitJourney({ duration: 300 });
  });

  // A step added from the keyboard may land off screen: bring it into view, keeping the zoom.
  const addStep = useCallback(
    async (kind: string) => {
      if (!(await runAction(store, addStepAction, kind))) return;
      const { journey: current, selection } = store.getState();
      const added = current?.nodes.find((node) => node.id === selection.nodes[0]);
      if (added) void flow.setCenter(added.position.x + NODE_WIDTH / 2, added.position.y + 40, { zoom: flow.getZoom(), duration: 200 });
    },
    [flow, store],
  );

  const onAdd = useCallback((kind: string) => void addStep(kind), [addStep]);

  const { onChangeNode, onChangeSettings } = useInspectorChanges();

  const showIssue = useCallback(
    ({ nodeId, edgeId }: { nodeId?: string; edgeId?: string }) => {
      const current = store.getState().journey;
      if (!current) return;
      const centreOn = (ids: string[]) => {
        const nodes = current.nodes.filter((node) => ids.includes(node.id));
        if (nodes.length === 0) return;
        const x = nodes.reduce((sum, node) => sum + node.position.x + NODE_WIDTH / 2, 0) / nodes.length;
        const y = nodes.reduce((sum, node) => sum + node.position.y + 35, 0) / nodes.length;
        void flow.setCenter(x, y, { zoom: Math.max(flow.getZoom(), 0.8), duration: 300 });
      };
      if (nodeId) {
        editorFor(store).select({ nodes: [nodeId], edges: [] });
        centreOn([nodeId]);
      } else if (edgeId) {
        const edge = current.edges.find((candidate) => candidate.id === edgeId);
        editorFor(store).select({ nodes: [], edges: [edgeId] });
        if (edge) centreOn([edge.source, edge.target]);
      }
    },
    [flow, store],
  );
  const selectProblem = useCallback((problem: Problem) => showIssue(problem.location), [showIssue]);
  const showNode = useCallback((nodeId: string) => showIssue({ nodeId }), [showIssue]);
  const journeyId = useEditor((state) => state.journey?.id);

  return (
    <div className="editor">
      <Toolbar autosave={autosave} onBack={onBack} mode={mode.kind} onSwitchMode={onSwitchMode && (() => onSwitchMode(mode.kind === 'editor' ? { kind: 'trainer', lessonId: null } : { kind: 'editor' }))} />
      {workspace && journeyId && (
        <Suspense fallback={null}>
          <WorkspaceEditorBar workspace={workspace} journeyId={journeyId} autosave={autosave} onShowNode={showNode} />
        </Suspense>
      )}
      <SaveBanner
        status={autosave.status}
        onRetry={() => void autosave.retry()}
        onLoadTheirs={() => void autosave.loadTheirs()}
        onKeepMine={() => void autosave.keepMine()}
        details={
          // What the server's version changed, so the choice between theirs and ours is an informed one.
          workspace && autosave.status.state === 'conflict' ? (
            <Suspense fallback={null}>
              <ConflictChanges mine={store.getState().journey as JourneyDocument} theirs={autosave.status.current?.document ?? null} />
            </Suspense>
          ) : null
        }
      />
      {setAside && (
        <SetAsideNotice
          document={setAside}
          onRestore={() => {
            // One change over the other tab's version: saved like any edit, and undone like one.
            editorFor(store).replaceWith(setAside);
            setSetAside(null);
          }}
          onDismiss={() => setSetAside(null)}
        />
      )}
      {mode.kind === 'trainer' ? (
        <div className="editor__body editor__body--trainer">
          <ErrorBoundary area={t('errorBoundary.areas.trainer')}>
            <Suspense fallback={<LoadingPart />}>
              <TrainerWorkspace lessonId={mode.lessonId} />
            </Suspense>
          </ErrorBoundary>
          <ErrorBoundary area={t('errorBoundary.areas.simulation')}>
            {/* Closed until the Simulate button opens it: nothing to show while its code loads. */}
            <Suspense fallback={null}>
              <SimulationPanel onSelectProblem={selectProblem} />
            </Suspense>
          </ErrorBoundary>
        </div>
      ) : (
      <div className="editor__body">
        <aside className="editor__palette" aria-label={t('editor.paletteRegion')}>
          <ErrorBoundary area={t('errorBoundary.areas.palette')}>
            <Palette onAdd={onAdd} />
          </ErrorBoundary>
        </aside>
        <section className="editor__canvas" aria-label={t('canvas.region')}>
          <ErrorBoundary area={t('errorBoundary.areas.canvas')}>
            <JourneyCanvas overlay={workspace ? workspaceCanvasOverlay : simulationOverlay} />
          </ErrorBoundary>
        </section>
        <aside className="editor__side" aria-label={t('editor.sideRegion')}>
          {/* Drawn again for another selection: a node whose parameters broke it need not break the next. */}
          <ErrorBoundary area={t('errorBoundary.areas.inspector')} resetKeys={[selectedNode?.id]}>
            <Inspector node={selectedNode} settings={settings} problems={problems} onChangeNode={onChangeNode} onChangeSettings={onChangeSettings} />
            {selectedNode && <PortConnections node={selectedNode} />}
          </ErrorBoundary>
          <ErrorBoundary area={t('errorBoundary.areas.problems')}>
            <ProblemsPanel problems={problems} onSelect={selectProblem} />
          </ErrorBoundary>
        </aside>
        <ErrorBoundary area={t('errorBoundary.areas.simulation')}>
          {/* Closed until the Simulate button opens it: nothing to show while its code loads. */}
          <Suspense fallback={null}>
            <SimulationPanel onSelectProblem={selectProblem} />
          </Suspense>
        </ErrorBoundary>
      </div>
      )}
    </div>
  );
}
