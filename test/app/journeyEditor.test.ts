import { act, renderHook } from '@testing-library/react';
import { createEditorStore } from '../../src/app/store/editorStore';
import { useAutosave } from '../../src/app/store/useAutosave';
import { createMemoryRepository } from '../../src/app/persist/memoryRepository';
import { editorFor } from '../../src/app/store/journeyEditor';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { validJourney } from '../fixtures/journeys';

const journey = (): JourneyDocument => checkJourney(validJourney()).document!;

function openEditor() {
  const store = createEditorStore();
  store.getState().open(journey());
  return editorFor(store);
}

// Issue 13: every change to an open journey goes through one editor object, which decides how it
// enters undo history.
describe('journey editor', () => {
  afterEach(() => vi.useRealTimers());

  it('is one object per open journey', () => {
    const store = createEditorStore();
    expect(editorFor(store)).toBe(editorFor(store));
    expect(editorFor(store)).not.toBe(editorFor(createEditorStore()));
  });

  it('connects two ports as one undo step', () => {
    const editor = openEditor();
    editor.connect({ source: 'remind', sourcePort: 'next', target: 'done' });
    const edges = () => editor.store.getState().journey!.edges;
    expect(edges().some((edge) => edge.source === 'remind' && edge.target === 'done')).toBe(true);
    editor.store.getState().undo();
    expect(edges().some((edge) => edge.source === 'remind' && edge.target === 'done')).toBe(false);
  });

  it('records a drag as one step when it ends, and a nudge as its own step', () => {
    const editor = openEditor();
    const before = editor.store.getState().journey;
    editor.move([{ id: 'remind', position: { x: 10, y: 10 } }], { dragging: true });
    editor.move([{ id: 'remind', position: { x: 20, y: 20 } }], { dragging: true });
    expect(editor.store.getState().past).toHaveLength(0);
    editor.store.getState().endGesture();
    expect(editor.store.getState().past).toEqual([before]);
    editor.move([{ id: 'remind', position: { x: 30, y: 30 } }], { dragging: false });
    expect(editor.store.getState().past).toHaveLength(2);
  });

  it('folds typing in one field into one undo step', () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    const editor = openEditor();
    const before = editor.store.getState().journey;
    for (const label of ['P', 'Pu', 'Push']) editor.updateNode('remind', { label });
    expect(editor.store.getState().past).toEqual([before]);
  });

  it('keeps typing after a drag its own undo step, even within the merge window', () => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    const editor = openEditor();
    editor.updateNode('remind', { label: 'Push' });
    editor.move([{ id: 'remind', position: { x: 10, y: 10 } }], { dragging: true });
    editor.endGesture();
    editor.updateNode('remind', { label: 'Push now' });
    editor.undo();
    const node = editor.store.getState().journey!.nodes.find((found) => found.id === 'remind')!;
    expect(node.label).toBe('Push');
    expect(node.position).toEqual({ x: 10, y: 10 });
  });

  it('adds a step and selects it; a change without history leaves undo alone', () => {
    const editor = openEditor();
    editor.addNodeAt('tag', { x: 0, y: 300 });
    const { selection, journey: added } = editor.store.getState();
    expect(selection.nodes).toHaveLength(1);
    expect(added!.nodes.some((node) => node.id === selection.nodes[0])).toBe(true);
    editor.apply((current) => ({ ...current, name: 'Quiet' }), { history: false });
    expect(editor.store.getState().past).toHaveLength(1);
    expect(editor.store.getState().dirty).toBe(true);
  });

  it('leaves the journey as it is when the name is unchanged or empty', () => {
    const editor = openEditor();
    editor.rename('');
    editor.rename(editor.store.getState().journey!.name);
    expect(editor.store.getState().past).toHaveLength(0);
    editor.rename('Renamed');
    expect(editor.store.getState().journey!.name).toBe('Renamed');
  });
});

describe('journey editor: selection, gestures and history', () => {
  it('selects, selects all and clears through its commands', () => {
    const editor = openEditor();
    const selection = () => editor.store.getState().selection;
    editor.select({ nodes: ['remind'], edges: [] });
    expect(selection()).toEqual({ nodes: ['remind'], edges: [] });
    editor.selectAll();
    const { nodes, edges } = editor.store.getState().journey!;
    expect(selection()).toEqual({ nodes: nodes.map((node) => node.id), edges: edges.map((edge) => edge.id) });
    editor.clearSelection();
    expect(selection()).toEqual({ nodes: [], edges: [] });
    expect(editor.store.getState().past).toHaveLength(0);
  });

  it('adds and removes picked nodes, keeping the rest, and leaves the selection as it is when nothing changes', () => {
    const editor = openEditor();
    editor.select({ nodes: ['remind'], edges: ['e1'] });
    editor.setSelected('nodes', [{ id: 'done', selected: true }]);
    expect(editor.store.getState().selection).toEqual({ nodes: ['remind', 'done'], edges: ['e1'] });
    editor.setSelected('nodes', [{ id: 'remind', selected: false }]);
    const after = editor.store.getState().selection;
    expect(after).toEqual({ nodes: ['done'], edges: ['e1'] });
    editor.setSelected('nodes', [{ id: 'done', selected: true }]);
    editor.setSelected('edges', []);
    expect(editor.store.getState().selection).toBe(after);
  });

  it('records a gesture as one undo step however many changes it makes, and none when nothing changed', () => {
    const editor = openEditor();
    const before = editor.store.getState().journey;
    editor.beginGesture();
    editor.move([{ id: 'remind', position: { x: 10, y: 10 } }], { dragging: false });
    editor.updateNode('remind', { label: 'Nudge' });
    editor.rename('Resized');
    expect(editor.store.getState().past).toHaveLength(0);
    editor.endGesture();
    expect(editor.store.getState().past).toEqual([before]);
    editor.gesture(() => {});
    expect(editor.store.getState().past).toHaveLength(1);
    editor.undo();
    expect(editor.store.getState().journey).toBe(before);
    editor.redo();
    expect(editor.store.getState().journey!.name).toBe('Resized');
  });

  it('runs changes as one gesture, and inside a gesture already begun as part of it', () => {
    const editor = openEditor();
    editor.gesture(() => {
      editor.rename('One');
      editor.rename('Two');
    });
    expect(editor.store.getState().past).toHaveLength(1);
    editor.beginGesture();
    editor.gesture(() => editor.rename('Three'));
    expect(editor.store.getState().gestureBase).not.toBeNull();
    editor.rename('Four');
    editor.endGesture();
    expect(editor.store.getState().past).toHaveLength(2);
    editor.undo();
    expect(editor.store.getState().journey!.name).toBe('Two');
  });
});

describe('journey editor: the autosave hand-off', () => {
  const link = () => ({ changed: vi.fn<(duringGesture: boolean) => void>(), gestureEnded: vi.fn<() => void>(), flush: vi.fn(() => Promise.resolve()) });

  it('tells the attached autosave of each unsaved change, of drag frames and of the drag ending', () => {
    const editor = openEditor();
    const autosave = link();
    const detach = editor.attachAutosave(autosave);
    editor.rename('Renamed');
    expect(autosave.changed).toHaveBeenLastCalledWith(false);
    editor.move([{ id: 'remind', position: { x: 10, y: 10 } }], { dragging: true });
    expect(autosave.changed).toHaveBeenLastCalledWith(true);
    expect(autosave.gestureEnded).not.toHaveBeenCalled();
    editor.endGesture();
    expect(autosave.gestureEnded).toHaveBeenCalledTimes(1);
    // Selecting changes nothing to save; what storage holds is saved already.
    editor.selectAll();
    editor.takeStored(journey());
    expect(autosave.changed).toHaveBeenCalledTimes(2);
    expect(editor.store.getState().dirty).toBe(false);
    detach();
    editor.rename('Unheard');
    expect(autosave.changed).toHaveBeenCalledTimes(2);
  });

  it('flushes through the attached autosave, and resolves at once with none', async () => {
    const editor = openEditor();
    await expect(editor.flush()).resolves.toBeUndefined();
    const autosave = link();
    editor.attachAutosave(autosave);
    await editor.flush();
    expect(autosave.flush).toHaveBeenCalledTimes(1);
  });

  it('marks the journey unsaved without an undo step or a new document', () => {
    const editor = openEditor();
    const before = editor.store.getState().journey;
    editor.markUnsaved();
    expect(editor.store.getState()).toMatchObject({ journey: before, dirty: true, past: [] });
  });

  it('saves at once when asked to flush before leaving, not a moment later', async () => {
    const repository = createMemoryRepository();
    await repository.save(journey(), { expectedRevision: null, writer: 'setup' });
    const editor = openEditor();
    const { unmount } = renderHook(() => useAutosave(editor.store, repository, 'this-tab', 1));
    act(() => editor.rename('Before leaving'));
    await act(() => editor.flush());
    expect(await repository.load('basic')).toMatchObject({ ok: true, stored: { revision: 2, document: { name: 'Before leaving' } } });
    expect(editor.store.getState().dirty).toBe(false);
    unmount();
  });
});
