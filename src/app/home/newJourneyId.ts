/** A fresh journey id: unique across tabs and devices without a server, and valid as a node-style id. */
export function newJourneyId(): string {
  const random = globalThis.crypto?.randomUUID?.().replace(/-/g, '').slice(0, 12) ?? Math.random().toString(36).slice(2, 14);
  return `j${Date.now().toString(36)}${random}`;
}
