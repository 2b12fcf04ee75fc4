// A document's hash: SHA-256 of its canonical JSON (object keys sorted at every level), so the same
// document hashes the same whatever order its keys were written in. A journey version and the journey a
// scenario recorded are compared this way when a journey is approved.
import { createHash } from 'node:crypto';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value !== 'object' || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = canonical((value as Record<string, unknown>)[key]);
  return sorted;
}

/** Documents reaching here passed the core's limits (nesting ≤ 96), so the recursion above is bounded. */
export const documentHash = (document: unknown): string => createHash('sha256').update(JSON.stringify(canonical(document)), 'utf8').digest('hex');
