import { createEditorStore, noSelection } from '../../src/app/store/editorStore';
import { HISTORY_LIMIT } from '../../src/app/store/history';
import { runAction } from '../../src/app/actions';
import { undoAction } from '../../src/app/actions/undo';
import { redoAction } from '../../src/app/actions/redo';
import { copyAction } from '../../src/app/actions/copy';
import { cutAction } from '../../src/app/actions/cut';
import { pasteAction } from '../../src/app/actions/paste';
import { duplicateAction } from '../../src/app/actions/duplicate';
import { deleteSelectionAction } from '../../src/app/actions/deleteSelection';
import { selectAllAction } from '../../src/app/actions/selectAll';
import { autoLayoutAction } from '../../src/app/actions/autoLayout';
import { addStepAction } from '../../src/app/actions/addStep';
import { actionForKey } from '../../src/app/actions';
import { addNode, connect, moveNodes, updateNode, updateSettings, renameJourney, setGoals } from '../../src/core/editor/commands';
import { checkJourney } from '../../src/core/journey/validate';
import type { JourneyDocument } from '../../src/core/journey/schema';
import { validJourney } from '../fixtures/journeys';

const journey = (): JourneyDocument => checkJourney(validJourney()).document!;

function openStore() {
  const store = createEditorStore();
  store.getState().open(journey());
  return store;
}
const state = (store: ReturnType<typeof createEditorStore>) => store.getState();
const doc = (store: ReturnType<typeof createEditorStore>) => store.getState().journey!;

describe('editor store', () => {
  const edits: [string, (j: JourneyDocument) => JourneyDocument][] = [
    ['add a node', (j) => addNode(j, { kind: 'tag', position: { x: 0, y: 300 } }).journey],
    ['connect ports', (j) => connect(j, { source: 'remind', sourcePort: 'next', target: 'done' })],
    ['move a node', (j) => moveNodes(j, [{ id: 'remind', position: { x: 500, y: 900 } }])],
    ['edit params', (j) => updateNode(j, 'remind', { params: { channel: 'email', content: '' } })],
    ['rename a node', (j) => updateNode(j, 'remind', { label: 'Nudge' })],
    ['change settings', (j) => updateSettings(j, { ...j.settings, exitOnGoal: false })],
    ['rename the journey', (j) => renameJourney(j, 'Renamed')],
    ['set the goals', (j) => setGoals(j, [{ metric: 'roi', comparison: '>=', target: 0.2 }])],
  ];

  it.each(edits)('%s is one undoable, redoable step', (_name, edit) => {
    const store = openStore();
    const before = doc(store);
    const after = edit(before);
    state(store).change(after);
    expect(doc(store)).toBe(after);
    expect(state(store).dirty).toBe(true);
    state(store).undo();
    expect(doc(store)).toBe(before);
    state(store).redo();
    expect(doc(store)).toBe(after);
  });

  it('a drag is one step however many moves it makes', () => {
    const store = openStore();
    const before = doc(store);
    state(store).beginGesture();
    for (let x = 0; x < 30; x++) state(store).changeDuringGesture(moveNodes(doc(store), [{ id: 'remind', position: { x, y: 0 } }]));
    state(store).endGesture();
    expect(state(store).past).toHaveLength(1);
    state(store).undo();
    expect(doc(store)).toBe(before);
  });

  it('folds quick edits of one field into one step, but not edits far apart or of another field', () => {
    const store = openStore();
    const before = doc(store);
    let at = 1_000;
    for (const label of ['P', 'Pu', 'Pus', 'Push']) state(store).change(updateNode(doc(store), 'remind', { label }), undefined, { mergeKey: 'remind:label', now: (at += 200) });
    expect(state(store).past).toHaveLength(1);
    state(store).change(updateNode(doc(store), 'remind', { label: 'Push!' }), undefined, { mergeKey: 'remind:label', now: (at += 5_000) });
    state(store).change(updateNode(doc(store), 'remind', { params: { channel: 'email', content: '' } }), undefined, { mergeKey: 'remind:params', now: at + 100 });
    expect(state(store).past).toHaveLength(3);
    state(store).undo();
    state(store).undo();
    expect(doc(store).nodes.find((node) => node.id === 'remind')!.label).toBe('Push');
    state(store).undo();
    expect(doc(store)).toBe(before);
  });

  it('a new change after undo drops the redo future', () => {
    const store = openStore();
    state(store).change(renameJourney(doc(store), 'A'));
    state(store).undo();
    state(store).change(renameJourney(doc(store), 'B'));
    expect(state(store).future).toEqual([]);
    state(store).redo();
    expect(doc(store).name).toBe('B');
  });

  it(`keeps at most ${HISTORY_LIMIT} steps`, () => {
    const store = openStore();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) state(store).change(renameJourney(doc(store), `name ${i}`));
    expect(state(store).past).toHaveLength(HISTORY_LIMIT);
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) state(store).undo();
    expect(doc(store).name).toBe('name 19');
  });

  it('drops selected ids that an undo removes', () => {
    const store = openStore();
    const added = addNode(doc(store), { kind: 'tag', position: { x: 0, y: 0 } });
    state(store).change(added.journey, { nodes: [added.nodeId], edges: [] });
    state(store).undo();
    expect(state(store).selection).toEqual(noSelection);
  });
});

describe('actions', () => {
  it('copy + paste duplicates the selection with fresh ids, keeping internal edges, as one step', async () => {
    const store = openStore();
    state(store).select({ nodes: ['waitBuy', 'bought'], edges: [] });
    await runAction(store, copyAction, undefined);
    expect(state(store).past).toHaveLength(0);
    await runAction(store, pasteAction, undefined);
    expect(state(store).selection.nodes).toEqual(['waitBuy1', 'bought1']);
    expect(doc(store).edges.find((edge) => edge.source === 'waitBuy1')).toMatchObject({ sourcePort: 'happened', target: 'bought1' });
    expect(state(store).past).toHaveLength(1);
    await runAction(store, pasteAction, undefined);
    expect(state(store).selection.nodes).toEqual(['waitBuy2', 'bought2']);
    const first = doc(store).nodes.find((node) => node.id === 'waitBuy1')!;
    const second = doc(store).nodes.find((node) => node.id === 'waitBuy2')!;
    expect(second.position.x).toBeGreaterThan(first.position.x);
  });

  it('cut removes the selection and paste brings it back', async () => {
    const store = openStore();
    state(store).select({ nodes: ['remind'], edges: [] });
    await runAction(store, cutAction, undefined);
    expect(doc(store).nodes.map((node) => node.id)).not.toContain('remind');
    await runAction(store, pasteAction, undefined);
    expect(doc(store).nodes.map((node) => node.id)).toContain('remind1');
    await runAction(store, undoAction, undefined);
    await runAction(store, undoAction, undefined);
    expect(doc(store).nodes.map((node) => node.id)).toContain('remind');
    await runAction(store, redoAction, undefined);
    expect(doc(store).nodes.map((node) => node.id)).not.toContain('remind');
  });

  it('duplicate, delete, select all', async () => {
    const store = openStore();
    state(store).select({ nodes: ['remind', 'giveUp'], edges: [] });
    await runAction(store, duplicateAction, undefined);
    expect(doc(store).nodes).toHaveLength(8);
    expect(doc(store).edges.find((edge) => edge.source === 'remind1')).toMatchObject({ target: 'giveUp1' });
    await runAction(store, deleteSelectionAction, undefined);
    expect(doc(store).nodes).toHaveLength(6);
    await runAction(store, selectAllAction, undefined);
    expect(state(store).selection.nodes).toHaveLength(6);
    expect(state(store).past).toHaveLength(2);
  });

  it('adds a step after the selected node and connects it', async () => {
    const store = openStore();
    state(store).change(connect(doc(store), { source: 'remind', sourcePort: 'next', target: 'giveUp' }));
    state(store).select({ nodes: ['giveUp'], edges: [] });
    await runAction(store, addStepAction, 'message');
    expect(state(store).selection.nodes).toEqual(['message1']);
  });

  it('auto-layout is one undoable step', async () => {
    const store = openStore();
    const before = doc(store);
    await runAction(store, autoLayoutAction, undefined);
    expect(doc(store)).not.toBe(before);
    await runAction(store, undoAction, undefined);
    expect(doc(store)).toBe(before);
  });

  it('does nothing when disabled (undo with no history, copy with nothing selected)', async () => {
    const store = openStore();
    expect(await runAction(store, undoAction, undefined)).toBe(false);
    expect(await runAction(store, copyAction, undefined)).toBe(false);
  });

  it('maps keys to actions, Ctrl or ⌘', () => {
    const key = (key: string, extra: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) =>
      actionForKey({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...extra })?.name;
    expect(key('z', { ctrlKey: true })).toBe('undo');
    expect(key('z', { metaKey: true, shiftKey: true })).toBe('redo');
    expect(key('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(key('c', { metaKey: true })).toBe('copy');
    expect(key('x', { ctrlKey: true })).toBe('cut');
    expect(key('v', { ctrlKey: true })).toBe('paste');
    expect(key('d', { ctrlKey: true })).toBe('duplicate');
    expect(key('Delete')).toBe('deleteSelection');
    expect(key('Backspace')).toBe('deleteSelection');
    expect(key('c')).toBeUndefined();
  });
});
