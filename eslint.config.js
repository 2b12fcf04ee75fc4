// Flat config: TypeScript-aware rules everywhere, React hook rules for the app shell.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// One way to say things in every language (issue 13): code never picks its words by testing which
// language it is in (`lang === 'en' ? … : …`); the words are in the catalogs (src/locales), or both
// forms in a Localized, and lists and numbers go through Intl. A rule of its own, not a
// no-restricted-syntax selector: a later no-restricted-syntax block replaces an earlier one.
const languageTests = {
  rules: {
    'no-language-test': {
      meta: { type: 'problem', messages: { test: 'Do not choose words by testing the language ({{code}}): use the catalogs (src/locales), a Localized, or Intl.' } },
      create(context) {
        const languageName = /^(lang|language|lng|locale)$/i;
        const isLanguage = (node) =>
          (node.type === 'Identifier' && languageName.test(node.name)) ||
          (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' && languageName.test(node.property.name));
        const isTag = (node) => node.type === 'Literal' && typeof node.value === 'string' && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(node.value);
        return {
          BinaryExpression(node) {
            if (!['===', '!==', '==', '!='].includes(node.operator)) return;
            if ((isLanguage(node.left) && isTag(node.right)) || (isTag(node.left) && isLanguage(node.right)))
              context.report({ node, messageId: 'test', data: { code: context.sourceCode.getText(node) } });
          },
        };
      },
    },
  },
};

// Calls whose arguments spread an array that grows with the input: shared by the blocks below, since a
// later `no-restricted-syntax` replaces an earlier one for the files both match.
const largeSpreads = [
  {
    selector: "CallExpression[callee.object.name='Math'] > SpreadElement",
    message: 'Math.max/min(...array) throws on large arrays: fold with reduce or a loop.',
  },
  {
    selector: "CallExpression[callee.property.name=/^(push|unshift|splice)$/] > SpreadElement",
    message: 'push(...array) throws on large arrays: push in a loop, or concat.',
  },
  {
    selector: "CallExpression[callee.property.name=/^(fromCharCode|fromCodePoint)$/] > SpreadElement",
    message: 'String.fromCharCode(...array) throws on large arrays: build the string in chunks.',
  },
  {
    selector: "CallExpression[callee.property.name='apply'][callee.object.property.name=/^(max|min|push|fromCharCode)$/]",
    message: 'Function.apply with an array throws on large arrays, like a spread: fold with reduce or a loop.',
  },
];

// Each core folder's index.ts is its public surface: the shells (app, CLI, benchmarks) import a folder,
// never a file inside it, so a folder can reorganise without touching them (issue 13). Inside the core,
// folders import each other's files directly: re-exporting through the indexes there would turn the
// core's import cycles into load-order failures.
const coreThroughIndex = {
  regex: String.raw`/core/(cohort|compile|editor|format|journey|lessons|templates|trainer|sim/(engine|math|analysis))/(?!published$)`,
  message: "Import the core folder (its index.ts), not a file inside it; add what you need to the folder's index.",
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Shipped code only: tests spread small, fixed arrays where it reads best.
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      // A call takes only so many arguments (about 100,000 in V8): spreading an array that grows with
      // the input — days of a horizon, users, nodes — into one throws RangeError (issue 12: the report
      // of a million-day horizon). Fold with a loop or reduce instead.
      'no-restricted-syntax': ['error', ...largeSpreads],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}', 'test/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // One way to change a journey (issue 13): the editor object (store/journeyEditor.ts) decides how a
    // change enters undo history, owns selection and gestures and hands changes to autosave; a component
    // calling the store's mutators would bypass it. Without types the rule goes by name: names only the
    // journey store has anywhere, the rest when called on `getState()` or taken out of it.
    files: ['src/app/**/*.{ts,tsx}'],
    ignores: ['src/app/store/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...largeSpreads,
        {
          selector: "MemberExpression[property.name=/^(change|changeWithoutHistory|changeDuringGesture)$/]",
          message: 'Change the journey through its editor (useJourneyEditor / editorFor in store/journeyEditor.ts), not the store.',
        },
        {
          // On `store.getState()`, or on what it was kept in (`const state = store.getState()`).
          selector:
            "CallExpression[callee.property.name=/^(replace|select|setClipboard|undo|redo|markSaved)$/]:matches([callee.object.callee.property.name='getState'], [callee.object.name=/^(state|current)$/])",
          message: 'Change the journey and its selection through its editor (useJourneyEditor / editorFor), not the store.',
        },
        {
          selector:
            "CallExpression[callee.property.name=/^(beginGesture|endGesture)$/]:not([callee.object.name=/[eE]ditor$/]):not([callee.object.property.name=/[eE]ditor$/]):not([callee.object.callee.name=/^(editorFor|useJourneyEditor)$/])",
          message: "Begin and end a gesture through the journey's editor (editor.beginGesture / endGesture / gesture), not the store.",
        },
        {
          selector: "VariableDeclarator[init.callee.property.name='getState'] > ObjectPattern > Property[key.name=/^(replace|beginGesture|endGesture|select|setClipboard|undo|redo|markSaved)$/]",
          message: 'Change the journey, its selection and gestures through its editor (useJourneyEditor / editorFor), not the store.',
        },
        {
          selector: "ObjectPattern > Property[key.name=/^(change|changeWithoutHistory|changeDuringGesture|setState)$/]",
          message: 'Change the journey through its editor (useJourneyEditor / editorFor in store/journeyEditor.ts), not the store.',
        },
        {
          // A class component's own setState is React's, not a store's.
          selector: "CallExpression[callee.property.name='setState']:not([callee.object.type='ThisExpression'])",
          message: "Change the journey through its editor (useJourneyEditor / editorFor), not the store's setState.",
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}', 'src/cli/**/*.ts', 'bench/**/*.{ts,mjs}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [coreThroughIndex] }] },
  },
  {
    // The canvas draws the journey and what the screen hosting it hands it (canvas/overlay.ts); it never
    // reaches up into the modes drawn over it (issue 13), so it renders and is tested on its own.
    files: ['src/app/canvas/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/simulate', '**/simulate/**', '**/trainer', '**/trainer/**'],
              message: 'The canvas depends on nothing above it: take what simulation or trainer mode draws as an overlay (canvas/overlay.ts).',
            },
            coreThroughIndex,
          ],
        },
      ],
    },
  },
  {
    // The core must stay pure and deterministic: no clock, no ambient randomness, no DOM.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator'],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded counter-based random in src/core/sim/math/random.ts.' },
        { object: 'Date', property: 'now', message: 'Core code takes time as an argument.' },
      ],
      // Nothing above the core at any depth (`../../../app/x` from core/sim/engine/ once slipped through).
      'no-restricted-imports': ['error', { patterns: ['react', 'react-dom', '@xyflow/*', '**/app', '**/app/**', '**/cli', '**/cli/**', '**/server', '**/server/**'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'journey-lab': languageTests },
    rules: { 'journey-lab/no-language-test': 'error' },
  },
);
