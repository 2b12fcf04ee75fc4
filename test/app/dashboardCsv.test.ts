// The dashboard's CSV downloads go through core/csv: a journey's labels (written by whoever shared the
// file) reach a spreadsheet as text, never as a formula, and the numbers stay numbers.
import { daysCsv, nodesCsv } from '../../src/app/simulate/dashboard/dashboardData';
import type { SimulationReport } from '../../src/core/sim/engine/report';
import { simulate } from '../../src/core/sim/engine/simulate';
import { getPreset } from '../../src/core/cohort/presets';
import { getTemplate } from '../../src/core/templates';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';

const payloads = ['=HYPERLINK("http://evil.example","x")', '+1+cmd|" /C calc"!A0', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1'];

let report: SimulationReport;
beforeAll(async () => {
  report = (await simulate({ journey: instantiateTemplate(getTemplate('cart-abandonment')!, 'en'), cohort: getPreset('ecommerce')!.spec, users: 200, seed: 1 })).report;
});

/** Cells of a CSV that has no quoted line breaks or commas in the cells looked at. */
const cells = (csv: string) => csv.split('\r\n').map((line) => line.split(','));

describe('dashboard CSV', () => {
  it('neutralises every label and id that a spreadsheet would read as a formula', () => {
    const hostile: SimulationReport = {
      ...report,
      nodes: report.nodes.map((node, index) => ({ ...node, id: `-id${index}`, label: payloads[index % payloads.length]! })),
    };
    const csv = nodesCsv(hostile, 'CNY');
    for (const line of csv.split('\r\n').slice(1, -1)) expect(line).toMatch(/^'-id\d+,"?'[=+\-@\t\r]/);
    // No cell of any row starts a formula, quoted or not.
    for (const row of cells(csv)) for (const cell of row) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+@\t\r]|^-(?!\d)/);
  });

  it('keeps numbers as numbers, negative ones included', () => {
    const negative: SimulationReport = { ...report, nodes: report.nodes.map((node) => ({ ...node, entries: -node.entries - 1 })) };
    const rows = cells(nodesCsv(negative, 'CNY'));
    negative.nodes.forEach((node, index) => expect(rows[index + 1]![3]).toBe(String(node.entries)));
    expect(cells(daysCsv(report, 'CNY'))[1]![0]).toBe('0');
    // A node whose users lost money against their twins: the negative increment stays a number.
    const losing: SimulationReport = { ...report, nodes: report.nodes.map((node) => ({ ...node, incremental: { conversions: -1, revenue: -12.5, cost: 0.3 } })) };
    const losingRows = cells(nodesCsv(losing, 'USD'));
    expect(losingRows[0]!.slice(5, 8)).toEqual(['incremental:conversions', 'incremental:revenue:USD', 'incremental:cost:USD']);
    expect(losingRows[1]!.slice(5, 8)).toEqual(['-1', '-12.5', '0.3']);
  });
});
