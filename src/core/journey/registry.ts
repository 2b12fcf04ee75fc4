import { buildDocumentSchema } from './schema';
import type { NodeKind } from './kinds/defineKind';
import { entryKind } from './kinds/entry';
import { messageKind } from './kinds/message';
import { offerKind } from './kinds/offer';
import { waitKind } from './kinds/wait';
import { waitForEventKind } from './kinds/waitForEvent';
import { branchKind } from './kinds/branch';
import { splitKind } from './kinds/split';
import { tagKind } from './kinds/tag';
import { goalKind } from './kinds/goal';
import { exitKind } from './kinds/exit';

/** Every node kind the product ships, in palette order. Adding a kind: its file, plus one line here. */
export const builtinKinds = [
  entryKind,
  messageKind,
  offerKind,
  waitKind,
  waitForEventKind,
  branchKind,
  splitKind,
  tagKind,
  goalKind,
  exitKind,
] as const;

export type BuiltinKindName = (typeof builtinKinds)[number]['kind'];

export interface Registry {
  readonly kinds: readonly NodeKind[];
  get(kind: string): NodeKind | undefined;
  /** The zod schema of a whole document whose nodes are of these kinds. */
  readonly documentSchema: ReturnType<typeof buildDocumentSchema>;
}

/**
 * A registry over a list of kinds. Kinds are stored with their params erased to a plain record: a
 * kind's methods are only ever called with params that its own schema produced.
 */
export function createRegistry(kinds: readonly NodeKind[]): Registry {
  const list = [...kinds];
  const byName = new Map(list.map((definition) => [definition.kind, definition]));
  if (byName.size !== list.length) throw new Error('createRegistry: two node kinds share a name');
  return { kinds: list, get: (kind) => byName.get(kind), documentSchema: buildDocumentSchema(list) };
}

export const defaultRegistry: Registry = createRegistry(builtinKinds);
