// Vitest setup for jsdom: jest-dom matchers, DOM cleanup between tests, and the few browser APIs
// jsdom lacks that React Flow touches on mount.
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

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
