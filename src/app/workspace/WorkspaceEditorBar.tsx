// The editor's second row on a team workspace's page: the journey's review state and actions, who else
// has it open, its version history and its comments. Loads only on such a page (lazy.tsx); the editor
// passes what only it has — its autosave (to load a restored version) and how to show a step.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneyDocument } from '../../core/journey';
import { nodeTitle } from '../canvas/nodes/describe';
import { useLang } from '../i18n/useLang';
import type { Autosave } from '../store/useAutosave';
import { useEditor } from '../store/useEditor';
import { useEditorStore } from '../store/useEditorStore';
import { WorkspaceComments } from './comments/WorkspaceComments';
import { WorkspaceHistory } from './history/WorkspaceHistory';
import { WorkspacePresence } from './presence/WorkspacePresence';
import { WorkspaceReview } from './WorkspaceReview';
import type { WorkspaceServices } from './types';
import './workspace.css';

export interface WorkspaceEditorBarProps {
  workspace: WorkspaceServices;
  journeyId: string;
  autosave: Autosave;
  /** Selects a step and brings it into view (a pinned comment's "show the step"). */
  onShowNode(nodeId: string): void;
}

/** Steps' ids and names as one text: what the comments need, without re-rendering while a step is dragged. */
const stepsKey = (journey: JourneyDocument | null) => journey?.nodes.map((node) => `${node.id}\u0000${node.label}`).join('\u0001') ?? '';

export function WorkspaceEditorBar({ workspace, journeyId, autosave, onShowNode }: WorkspaceEditorBarProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const store = useEditorStore();
  const saved = autosave.status.state === 'saved';
  // During a drag the document as it was when the drag began: a version's comparison need not follow every frame.
  const current = useEditor((state) => (state.gestureBase ?? state.journey) as JourneyDocument);
  const selectedNodeId = useEditor((state) => (state.selection.nodes.length === 1 ? state.selection.nodes[0]! : null));
  const steps = useEditor((state) => stepsKey(state.gestureBase ?? state.journey));
  const nodeName = useCallback(
    (id: string) => {
      const node = store.getState().journey?.nodes.find((candidate) => candidate.id === id);
      return node ? nodeTitle(node, lang) : null;
    },
    // `steps` changes when a step is added, removed or renamed: the names are read again then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, lang, steps],
  );
  const { loadTheirs } = autosave;
  const onRestored = useCallback(() => loadTheirs(), [loadTheirs]);

  return (
    <div className="workspace-bar" role="region" aria-label={t('workspace.bar.label')}>
      <WorkspaceReview workspace={workspace} journeyId={journeyId} saved={saved} />
      {/* Said before a viewer edits, not only when the server refuses the first save. */}
      {workspace.member.role === 'viewer' && <p className="workspace-bar__note">{t('workspace.bar.viewOnly')}</p>}
      <span className="workspace-bar__tools">
        <WorkspacePresence workspace={workspace} journeyId={journeyId} />
        <WorkspaceHistory workspace={workspace} journeyId={journeyId} saved={saved} currentDocument={current} onRestored={onRestored} />
        <WorkspaceComments workspace={workspace} journeyId={journeyId} selectedNodeId={selectedNodeId} nodeName={nodeName} onShowNode={onShowNode} />
      </span>
    </div>
  );
}
