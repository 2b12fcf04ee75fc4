// An RFC 4180 CSV reader, as a spreadsheet reads a file (quoted fields may hold commas, quotes and line
// breaks). Plain JavaScript, so that both the unit tests and the e2e tests (plain Node) import it.

/** The records of a CSV, each a list of its fields. */
export function readCsv(csv) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < csv.length; index++) {
    const char = csv[index];
    if (quoted) {
      if (char === '"' && csv[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && csv[index + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index++;
    } else field += char;
  }
  return records;
}

/** The rows after the header, each keyed by the header's names. */
export function readCsvRows(csv) {
  const [header = [], ...rows] = readCsv(csv);
  return rows.map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index]])));
}
