import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type MouseEvent as ReactMouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Background,
  ControlButton,
  Controls,
  ReactFlow,
  useReactFlow,
  useStore,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { defaultRegistry } from '../../core/journey';
import { NODE_WIDTH } from '../../core/editor';
import { useEditor } from '../store/useEditor';
import { useEditorStore } from '../store/useEditorStore';
import { editorFor, type JourneyEditor } from '../store/journeyEditor';
import { useProblems } from '../store/useProblems';
import { createFlowElementCache, type Measured } from './flowElements';
import { nodeTypes } from './nodes';
import { edgeTypes } from './edges';
import { StageLanesLayer } from './StageLanesLayer';
import { JourneyMiniMap } from './JourneyMiniMap';
import { CanvasContextMenu, type ContextMenuTarget } from './CanvasContextMenu';
import { useFlowAriaLabels } from './useFlowAriaLabels';
import { useTabThroughSteps } from './useTabThroughSteps';
import { filledOverlay, type CanvasOverlay } from './overlay';
import { useFitJourney } from './fitJourney';
import { KIND_DRAG_TYPE, type JourneyFlowEdge, type JourneyFlowNode } from './types';
import './canvas.css';
import { useLang } from '../i18n/useLang';

const proOptions = { hideAttribution: false };

/** Hands React Flow's select changes (click, shift-click, box select) to the editor. */
function applySelection(editor: JourneyEditor, what: 'nodes' | 'edges', changes: (NodeChange<JourneyFlowNode> | EdgeChange<JourneyFlowEdge>)[]) {
  editor.setSelected(what, changes.flatMap((change) => (change.type === 'select' ? [change] : [])));
}
const multiSelectionKeys = ['Shift', 'Meta', 'Control'];

const noOverlay: CanvasOverlay = {};

/**
 * From this many steps on, only the nodes and edges on screen are in the DOM (React Flow's
 * onlyRenderVisibleElements), each node placed from an estimate until it is first drawn
 * (nodeGeometry.ts): a journey of hundreds of steps then pans, drags and opens like a small one. A
 * smaller journey fits on screen or nearly, and keeps every step in the DOM and the accessibility tree.
 */
export const RENDER_VISIBLE_FROM_NODES = 60;

/**
 * The journey on a React Flow canvas: nodes, edges, lanes, drag and drop, connect, select. What the
 * host's modes draw over it (simulation counts, the trainer's focus and playback) comes in `overlay`
 * (overlay.ts). `spaceKeyPans` false leaves Space alone (React Flow otherwise pans while it is held):
 * trainer mode plays and pauses with it.
 */
export function JourneyCanvas({ overlay = noOverlay, spaceKeyPans = true }: { overlay?: CanvasOverlay; spaceKeyPans?: boolean }) {
  const lang = useLang();
  const { t } = useTranslation();
  // The overlay's hooks are called below: the first overlay is kept, as another would change their number.
  const [{ useNodeBadges, useNodeClasses, useEdgeWeights, Layer }] = useState(() => filledOverlay(overlay));
  const store = useEditorStore();
  const journey = useEditor((state) => state.journey)!;
  const selection = useEditor((state) => state.selection);
  const problems = useProblems();
  const [measured, setMeasured] = useState<Measured>(new Map());
  const [menu, setMenu] = useState<ContextMenuTarget | null>(null);
  const [cache] = useState(createFlowElementCache);
  const flow = useReactFlow<JourneyFlowNode, JourneyFlowEdge>();
  const ariaLabelConfig = useFlowAriaLabels();
  // Frame an existing journey, readably, once the canvas has a size; an empty one starts at 100 % so
  // the first step dropped does not zoom the canvas onto itself.
  const fitOnOpen = useRef(journey.nodes.length > 0);
  const fitJourney = useFitJourney();
  const sized = useStore((state) => state.width > 0 && state.height > 0 && state.panZoom !== null);
  useEffect(() => {
    if (!fitOnOpen.current || !sized) return;
    fitOnOpen.current = false;
    fitJourney();
  }, [fitJourney, sized]);
  const onFitView = useCallback(() => fitJourney({ duration: 300 }), [fitJourney]);

  const badges = useNodeBadges(lang);
  const classes = useNodeClasses();
  const additions = useMemo(() => ({ badges, classes }), [badges, classes]);
  const onlyVisible = journey.nodes.length >= RENDER_VISIBLE_FROM_NODES;
  const canvasRef = useRef<HTMLDivElement>(null);
  const onTab = useTabThroughSteps(canvasRef, onlyVisible);
  const nodes = useMemo(
    () => cache.nodes(journey, selection, problems, measured, lang, additions, { estimate: onlyVisible }),
    [cache, journey, selection, problems, measured, lang, additions, onlyVisible],
  );
  const weights = useEdgeWeights(lang);
  const edges = useMemo(() => cache.edges(journey, selection, problems, lang, weights), [cache, journey, selection, problems, lang, weights]);

  const onNodesChange = useCallback(
    (changes: NodeChange<JourneyFlowNode>[]) => {
      const state = store.getState();
      if (!state.journey) return;
      const sizes = changes.flatMap((change) => (change.type === 'dimensions' && change.dimensions ? [[change.id, change.dimensions] as const] : []));
      if (sizes.length > 0)
        setMeasured((previous) => {
          const next = new Map(previous);
          for (const [id, size] of sizes) next.set(id, { width: size.width, height: size.height });
          return next;
        });
      applySelection(editorFor(store), 'nodes', changes);
      const moves = changes.flatMap((change) => (change.type === 'position' && change.position ? [{ id: change.id, position: change.position }] : []));
      if (moves.length > 0) editorFor(store).move(moves, { dragging: changes.some((change) => change.type === 'position' && change.dragging) });
    },
    [store],
  );

  // Removal goes through the delete action (deleteKeyCode is off), so only selection matters here.
  const onEdgesChange = useCallback((changes: EdgeChange<JourneyFlowEdge>[]) => applySelection(editorFor(store), 'edges', changes), [store]);

  const onConnect = useCallback(
    (connection: Connection) => {
      if (!connection.sourceHandle) return;
      editorFor(store).connect({ source: connection.source, sourcePort: connection.sourceHandle, target: connection.target });
    },
    [store],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(KIND_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(KIND_DRAG_TYPE);
      const state = store.getState();
      if (!kind || !defaultRegistry.get(kind) || !state.journey) return;
      event.preventDefault();
      // The drop point is where the pointer is; centre the node box on it.
      const position = flow.screenToFlowPosition({ x: event.clientX - NODE_WIDTH / 2, y: event.clientY - 30 });
      editorFor(store).addNodeAt(kind, position);
    },
    [flow, store],
  );

  const openMenu = useCallback(
    (event: ReactMouseEvent, target: Omit<ContextMenuTarget, 'x' | 'y'>) => {
      event.preventDefault();
      const state = store.getState();
      const alreadySelected = target.kind === 'node' ? state.selection.nodes.includes(target.id) : state.selection.edges.includes(target.id);
      if (!alreadySelected) editorFor(store).select(target.kind === 'node' ? { nodes: [target.id], edges: [] } : { nodes: [], edges: [target.id] });
      setMenu({ ...target, x: event.clientX, y: event.clientY });
    },
    [store],
  );

  // Every prop handed to React Flow keeps its identity across renders: a new function or array there
  // re-renders all nodes and edges on each drag move.
  const beginGesture = useCallback(() => editorFor(store).beginGesture(), [store]);
  const endGesture = useCallback(() => editorFor(store).endGesture(), [store]);
  const onNodeContextMenu = useCallback((event: ReactMouseEvent, node: JourneyFlowNode) => openMenu(event, { kind: 'node', id: node.id }), [openMenu]);
  const onEdgeContextMenu = useCallback((event: ReactMouseEvent, edge: JourneyFlowEdge) => openMenu(event, { kind: 'edge', id: edge.id }), [openMenu]);
  const closeMenu = useCallback(() => setMenu(null), []);

  return (
    <div className="journey-canvas" ref={canvasRef} onDragOver={onDragOver} onDrop={onDrop} onKeyDown={onTab}>
      <ReactFlow<JourneyFlowNode, JourneyFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeDragStart={beginGesture}
        onNodeDragStop={endGesture}
        onSelectionDragStart={beginGesture}
        onSelectionDragStop={endGesture}
        onNodeContextMenu={onNodeContextMenu}
        onEdgeContextMenu={onEdgeContextMenu}
        onPaneClick={closeMenu}
        deleteKeyCode={null}
        panActivationKeyCode={spaceKeyPans ? 'Space' : null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={multiSelectionKeys}
        ariaLabelConfig={ariaLabelConfig}
        minZoom={0.1}
        onlyRenderVisibleElements={onlyVisible}
        proOptions={proOptions}
      >
        <StageLanesLayer />
        <Background gap={20} />
        <JourneyMiniMap ariaLabel={t('canvas.aria.minimap')} large={onlyVisible} />
        {/* Its own fit button: React Flow's would shrink a long journey until no step can be read. */}
        <Controls position="top-right" showFitView={false}>
          <ControlButton className="react-flow__controls-fitview" onClick={onFitView} title={t('canvas.aria.fitView')} aria-label={t('canvas.aria.fitView')}>
            <svg viewBox="0 0 32 30" aria-hidden="true">
              <path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" />
            </svg>
          </ControlButton>
        </Controls>
        <Layer />
      </ReactFlow>
      {menu && <CanvasContextMenu target={menu} onClose={closeMenu} />}
    </div>
  );
}
