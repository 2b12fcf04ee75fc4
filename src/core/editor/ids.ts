/** Ids are at most this long (the format's id rule); a longer prefix is cut to fit the number. */
const MAX_ID_LENGTH = 64;

/** The smallest `${prefix}${n}` (n ≥ 1) not in `taken`: readable, stable ids without randomness. */
export function freshId(prefix: string, taken: ReadonlySet<string>): string {
  const base = prefix.replace(/[^A-Za-z0-9_-]/g, '') || 'n';
  const start = (/^[A-Za-z_]/.test(base) ? base : `n${base}`).replace(/^__+/, '_');
  for (let n = 1; ; n++) {
    const id = `${start.slice(0, MAX_ID_LENGTH - String(n).length)}${n}`;
    if (!taken.has(id)) return id;
  }
}
