import { ESLint } from 'eslint';

// Issue 13: only the journey's editor changes it. The lint rule in eslint.config.js keeps components
// off the store's mutators; these snippets are what it must catch, and what it must let through.
const eslint = new ESLint({ cwd: process.cwd() });

async function complaints(code: string, filePath = 'src/app/canvas/Example.tsx'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((message) => message.ruleId === 'no-restricted-syntax').map((message) => message.message);
}

const store = "import type { EditorStore } from '../store/editorStore';\ndeclare const store: EditorStore;\n";

describe('the lint rule that keeps journey changes in the editor', () => {
  it.each([
    ['change', 'store.getState().change(store.getState().journey!);'],
    ['changeWithoutHistory', 'store.getState().changeWithoutHistory(store.getState().journey!);'],
    ['changeDuringGesture', 'store.getState().changeDuringGesture(store.getState().journey!);'],
    ['replace', 'store.getState().replace(store.getState().journey!);'],
    ['beginGesture', 'store.getState().beginGesture();'],
    ['endGesture', 'const state = store.getState();\nstate.endGesture();'],
    ['select', "const state = store.getState();\nstate.select({ nodes: ['a'], edges: [] });"],
    ['undo', 'store.getState().undo();'],
    ['setState', 'store.setState({ dirty: false });'],
    ['change, destructured', 'const { change } = store.getState();\nexport { change };'],
    ['select, destructured', 'const { select } = store.getState();\nexport { select };'],
    ['change, taken by a selector', 'export const pick = (state: ReturnType<EditorStore["getState"]>) => state.change;'],
  ])('reports %s on the store outside src/app/store', async (_name, code) => {
    expect(await complaints(store + code)).toEqual([expect.stringMatching(/editor/)]);
  });

  it('lets the editor, the store itself, strings and React class state through', async () => {
    const editorCalls = [
      "import { editorFor } from '../store/journeyEditor';",
      store,
      'const editor = editorFor(store);',
      'editor.beginGesture();',
      "editor.select({ nodes: ['a'], edges: [] });",
      'editor.endGesture();',
      'editorFor(store).undo();',
      "export const label = 'Mod+Z'.replace('Mod', 'Ctrl');",
    ].join('\n');
    expect(await complaints(editorCalls)).toEqual([]);
    expect(await complaints(store + 'store.getState().change(store.getState().journey!);', 'src/app/store/Example.ts')).toEqual([]);
    const classState = "import { Component } from 'react';\nexport class Retry extends Component<object, { n: number }> {\n  retry = () => this.setState({ n: 1 });\n}\n";
    expect(await complaints(classState)).toEqual([]);
  });
});
