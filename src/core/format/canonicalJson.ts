/**
 * JSON with object keys sorted at every level (keys whose value is undefined left out, as JSON.stringify
 * does), so equal values give equal text whatever order their keys were written in: what documents are
 * compared and hashed by — scenarios' fingerprints, the team server's version hashes, and the app's
 * check that a scenario ran exactly the saved version.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
