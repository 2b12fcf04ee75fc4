// Vitest setup for jsdom: jest-dom matchers, DOM cleanup between tests, and the few browser APIs
// jsdom lacks that React Flow touches on mount.
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Two test files share the two CPUs (vite.config.ts): what appears within a second alone can take longer
// then, so findBy… and waitFor wait up to 5 s (the time only counts when what they wait for never comes).
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
});

if (typeof globalThis.ResizeObserver === 'undefined') {
  class ResizeObserverStub implements ResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  globalThis.ResizeObserver = ResizeObserverStub;
}

if (typeof globalThis.DOMMatrixReadOnly === 'undefined') {
  // React Flow reads the viewport transform through `new DOMMatrixReadOnly(transform)`; only m22 (zoom) is used.
  class DOMMatrixReadOnlyStub {
    readonly m22: number;
    constructor(transform?: string) {
      const scale = /scale\(([-\d.]+)\)/.exec(transform ?? '');
      this.m22 = scale?.[1] !== undefined ? Number(scale[1]) : 1;
    }
  }
  Object.defineProperty(globalThis, 'DOMMatrixReadOnly', { value: DOMMatrixReadOnlyStub, writable: true, configurable: true });
}

if (typeof SVGElement !== 'undefined' && !('getBBox' in SVGElement.prototype)) {
  // React Flow sizes an edge label's background from its text's box; jsdom does no layout.
  Object.defineProperty(SVGElement.prototype, 'getBBox', { value: () => ({ x: 0, y: 0, width: 0, height: 0 }), configurable: true });
}

/** The parts of a jsdom node's implementation object that finding a label's control reads. */
interface JsdomNodeImpl {
  nodeType: number;
  namespaceURI: string | null;
  localName: string;
  type?: string;
  _ceDefinition?: { formAssociated?: boolean } | null;
  getAttributeNS(namespace: null, name: string): string | null;
  getRootNode(options: object): JsdomNodeImpl & { getElementById?: (id: string) => JsdomNodeImpl | null };
}

// https://html.spec.whatwg.org/multipage/forms.html#category-label, as jsdom decides it.
function isLabelable(node: JsdomNodeImpl): boolean {
  if (node.nodeType !== Node.ELEMENT_NODE || node.namespaceURI !== 'http://www.w3.org/1999/xhtml') return false;
  if (['button', 'meter', 'output', 'progress', 'select', 'textarea'].includes(node.localName)) return true;
  if (node.localName === 'input') return node.type !== 'hidden';
  return node._ceDefinition?.formAssociated === true;
}

/**
 * jsdom finds a `<label for>`'s control by walking the whole document for that id, and an input's
 * `labels` by asking every label of the document for its control: testing-library reads `labels` for the
 * accessible name of every candidate field, so on the cohort editor (about 180 fields and as many labels)
 * one query by role and name took seconds. In a document, the first element in tree order with the id is
 * what the document's own id index (getElementById) returns: the same control, found without the walk.
 * Anything else (no `for`, a label outside a document) keeps jsdom's own getter.
 */
if (typeof document !== 'undefined') {
  const label = document.createElement('label');
  const implKey = Object.getOwnPropertySymbols(label).find((symbol) => symbol.description === 'impl');
  const impl = implKey ? (label as unknown as Record<symbol, object>)[implKey] : undefined;
  const prototype = impl ? (Object.getPrototypeOf(impl) as object) : undefined;
  const walk = prototype ? Object.getOwnPropertyDescriptor(prototype, 'control')?.get : undefined;
  if (prototype && walk)
    Object.defineProperty(prototype, 'control', {
      configurable: true,
      get(this: JsdomNodeImpl) {
        const id = this.getAttributeNS(null, 'for');
        const root = id ? this.getRootNode({}) : null;
        if (!id || !root || root.nodeType !== Node.DOCUMENT_NODE || !root.getElementById) return walk.call(this) as unknown;
        const control = root.getElementById(id);
        return control && isLabelable(control) ? control : null;
      },
    });
}
