// A document's hash: SHA-256 of its canonical JSON (object keys sorted at every level, core's
// canonicalJson), so the same document hashes the same whatever order its keys were written in. A
// journey version and the journey a scenario recorded are compared this way when a journey is approved.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../core/format';

/** Documents reaching here passed the core's limits (nesting ≤ 96), so canonicalJson's recursion is bounded. */
export const documentHash = (document: unknown): string => createHash('sha256').update(canonicalJson(document), 'utf8').digest('hex');
