import { buildDocumentSchema } from './schema';
import type { NodeKind, NodeKindDefinition } from './kinds/defineKind';
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

// A precisely typed kind is stored erased: its methods are only ever called with params that its own
// schema produced, which is the one fact this cast relies on.
const erase = <K extends string, P extends Record<string, unknown>>(definition: NodeKindDefinition<K, P>) =>
  definition as unknown as NodeKind;

export function createRegistry(kinds: readonly NodeKindDefinition<string, never>[] | readonly NodeKind[]): Registry {
  const list = (kinds as readonly NodeKind[]).map(erase);
  const byName = new Map(list.map((definition) => [definition.kind, definition]));
  if (byName.size !== list.length) throw new Error('createRegistry: two node kinds share a name');
  return { kinds: list, get: (kind) => byName.get(kind), documentSchema: buildDocumentSchema(list) };
}

export const defaultRegistry: Registry = createRegistry(builtinKinds as unknown as readonly NodeKind[]);
