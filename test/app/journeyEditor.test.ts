import { createEditorStore } from '../../src/app/store/editorStore';
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
