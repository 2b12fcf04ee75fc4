/** The smallest `${prefix}${n}` (n ≥ 1) not in `taken`: readable, stable ids without randomness. */
export function freshId(prefix: string, taken: ReadonlySet<string>): string {
  const base = prefix.replace(/[^A-Za-z0-9_-]/g, '') || 'n';
  const start = /^[A-Za-z_]/.test(base) ? base : `n${base}`;
  for (let n = 1; ; n++) {
    const id = `${start}${n}`;
    if (!taken.has(id)) return id;
  }
}
