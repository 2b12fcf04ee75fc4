/**
 * Kinds whose ports come from a list (branch cases, split variants) renumber their ports when an item
 * is added or removed. A list of the same length was edited in place: every port stays. Otherwise each
 * old item is matched to an equal new one so the edges of the items that stayed follow them: old port
 * → new port, or null when its item is gone.
 */
export function remapItemPorts<T>(before: readonly T[], after: readonly T[], port: (index: number) => string): Map<string, string | null> {
  if (before.length === after.length) return new Map(before.map((_, index) => [port(index), port(index)]));
  const key = (item: T) => JSON.stringify(item);
  const unused = after.map((item, index) => ({ key: key(item), index }));
  const remap = new Map<string, string | null>();
  before.forEach((item, index) => {
    const match = unused.findIndex((candidate) => candidate.key === key(item));
    remap.set(port(index), match === -1 ? null : port(unused.splice(match, 1)[0]!.index));
  });
  return remap;
}
