// JourneyCanvas with only what it needs to edit — the editor store and React Flow's provider — in a
// 1000×800 box, for tests of what the canvas draws (overlays, badges). Use with measureOnObserve, so
// React Flow measures the nodes.
import { act, render } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import { JourneyCanvas } from '../../src/app/canvas/JourneyCanvas';
import type { CanvasOverlay } from '../../src/app/canvas/overlay';
import { createEditorStore, type EditorStore } from '../../src/app/store/editorStore';
import { EditorStoreContext } from '../../src/app/store/EditorStoreContext';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { validJourney } from '../fixtures/journeys';

/** Opens `journey` (the valid fixture journey when left out) on a canvas with `overlay`; answers its editor store. */
export async function renderCanvas({ journey, overlay }: { journey?: JourneyDocument; overlay?: CanvasOverlay } = {}): Promise<EditorStore> {
  const editor = createEditorStore();
  editor.getState().open(journey ?? (checkJourney(validJourney()).document as JourneyDocument));
  await act(async () => {
    render(
      <EditorStoreContext.Provider value={editor}>
        <ReactFlowProvider>
          <div style={{ width: 1000, height: 800 }}>
            <JourneyCanvas overlay={overlay} />
          </div>
        </ReactFlowProvider>
      </EditorStoreContext.Provider>,
    );
    // Lets the measurements queued on mount land.
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return editor;
}
