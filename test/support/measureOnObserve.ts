/**
 * jsdom lays nothing out, and React Flow hides nodes (and draws no edge) until it has measured them: for
 * canvas tests every element is 200 × 100 and is measured as soon as it is observed. Returns the undo.
 */
export function measureOnObserve() {
  const observer = globalThis.ResizeObserver;
  const sizes = (['offsetWidth', 'offsetHeight'] as const).map((name) => [name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name)] as const);
  globalThis.ResizeObserver = class implements ResizeObserver {
    constructor(private readonly callback: ResizeObserverCallback) {}
    observe(target: Element) {
      queueMicrotask(() => this.callback([{ target } as ResizeObserverEntry], this));
    }
    unobserve() {}
    disconnect() {}
  };
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: () => 200 });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 100 });
  return () => {
    globalThis.ResizeObserver = observer;
    for (const [name, descriptor] of sizes) if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
  };
}
