import { useCallback } from 'react';
import type { JourneySettings } from '../../core/journey';
import type { NodePatch } from '../panels/Inspector';
import { editorFor } from '../store/journeyEditor';
import { useEditorStore } from '../store/useEditorStore';

/**
 * What the inspector's edits do, wherever it is shown (the editor's side panel, the lesson beside the
 * canvas): a change to the one selected step, or to the journey's settings, through the journey's editor.
 */
export function useInspectorChanges(): { onChangeNode(patch: NodePatch): void; onChangeSettings(next: JourneySettings): void } {
  const store = useEditorStore();
  const onChangeNode = useCallback(
    (patch: NodePatch) => {
      const { selection } = store.getState();
      const nodeId = selection.nodes.length === 1 ? selection.nodes[0] : undefined;
      if (nodeId) editorFor(store).updateNode(nodeId, patch);
    },
    [store],
  );
  const onChangeSettings = useCallback((next: JourneySettings) => editorFor(store).setSettings(next), [store]);
  return { onChangeNode, onChangeSettings };
}
