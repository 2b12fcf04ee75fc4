// A random id for this tab (this page load), written as `writer` with every save so that a tab can
// tell its own writes from other tabs'. Not kept in sessionStorage on purpose: a duplicated tab copies
// sessionStorage and would then share the id.

function randomId(): string {
  const cryptoApi = globalThis.crypto;
  // randomUUID exists only in secure contexts (https, localhost); getRandomValues everywhere.
  if (typeof cryptoApi?.randomUUID === 'function') return cryptoApi.randomUUID();
  const bytes = new Uint8Array(16);
  if (typeof cryptoApi?.getRandomValues === 'function') cryptoApi.getRandomValues(bytes);
  else for (let at = 0; at < bytes.length; at++) bytes[at] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** This tab's id; the same for the whole page load. */
export const tabId: string = randomId();

/** A fresh id, for tests that simulate several tabs. */
export const newTabId = randomId;
