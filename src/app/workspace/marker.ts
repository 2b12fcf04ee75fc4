// Whether this page is a team workspace's: `journey-lab serve` adds a meta tag naming its API to the
// index.html it serves (src/server/static.ts); the app from `npm start` has none and stays local-only,
// never asking anything of a server.
export const WORKSPACE_META_NAME = 'journey-lab-workspace';

/** The API's path on this origin (e.g. "/api"), or null on a local-only page. */
export function workspaceApiBase(page: Document | undefined = globalThis.document): string | null {
  const content = page?.querySelector(`meta[name="${WORKSPACE_META_NAME}"]`)?.getAttribute('content')?.trim() ?? '';
  // A path on this origin only ("/api", not "//elsewhere" or "https://…"): the page's policy allows
  // connect-src 'self', and the session cookie is this origin's.
  return /^\/(?!\/)/.test(content) ? content.replace(/\/+$/, '') : null;
}
