import { grouped, message, type Message, verbatim } from '../i18n';

/**
 * Nodes of a loop that a message names. A loop can hold thousands of nodes (5,000 labels of 200
 * characters would make a message of a megabyte): it is named by its first few and a count of the rest.
 */
export const MAX_NAMED_NODES = 12;

/** A loop as messages name it, `a → b → c`, from its first node on; `name` says how a node is written. */
export function loopNames(nodes: readonly string[], name: (id: string) => string): Message {
  const named = nodes.slice(0, MAX_NAMED_NODES).map(name).join(' → ');
  if (nodes.length <= MAX_NAMED_NODES) return verbatim(named);
  const more = grouped(nodes.length - MAX_NAMED_NODES);
  return message('core.journey.loopNames.andMoreNodes', { named, more });
}
