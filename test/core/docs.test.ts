// Keeps docs/journey-format.md and docs/problems.md honest: every problem code, every field of the file
// format and every node kind is documented, nothing is documented that does not exist, and the JSON
// examples marked with `<!-- example: … -->` parse and behave as the text says.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { checkJourney, problemCatalogue, validate } from '../../src/core/journey/validate';
import { defaultRegistry } from '../../src/core/journey/registry';
import { conditionSchema } from '../../src/core/journey/condition';
import { instantiateTemplate } from '../../src/core/templates/defineTemplate';
import { cartAbandonment } from '../../src/core/templates/cartAbandonment';

const readDoc = (name: string) => readFileSync(resolve(import.meta.dirname, '../../docs', name), 'utf8');
const formatDoc = readDoc('journey-format.md');
const problemsDoc = readDoc('problems.md');

interface Example {
  /** What the marker says the block is, e.g. "journey", "node", "problem instant-loop". */
  tag: string;
  json: string;
}

/** Fenced ```json blocks that directly follow an `<!-- example: TAG -->` comment. */
function examples(markdown: string): Example[] {
  const found: Example[] = [];
  for (const match of markdown.matchAll(/<!--\s*example:\s*(.+?)\s*-->\s*\n```json\n([\s\S]*?)\n```/g))
    found.push({ tag: match[1] ?? '', json: match[2] ?? '' });
  return found;
}

const examplesTagged = (markdown: string, tag: string) => examples(markdown).filter((example) => example.tag === tag);

/** Every name under `properties` anywhere in a JSON Schema ($defs, anyOf, oneOf, items and so on included). */
function propertyNames(schema: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) {
    for (const part of schema) propertyNames(part, into);
    return into;
  }
  if (typeof schema !== 'object' || schema === null) return into;
  const record = schema as Record<string, unknown>;
  const properties = record.properties;
  if (typeof properties === 'object' && properties !== null) for (const name of Object.keys(properties)) into.add(name);
  for (const value of Object.values(record)) propertyNames(value, into);
  return into;
}

const errorsOf = (input: unknown) => validate(input).filter((problem) => problem.severity === 'error');

describe('docs/problems.md', () => {
  const catalogue = problemCatalogue();
  const headings = [...problemsDoc.matchAll(/^###\s+`([^`]+)`\s*$/gm)].map((match) => match[1] ?? '');

  it('has a "### `code`" section for every problem code', () => {
    const missing = Object.keys(catalogue).filter((code) => !headings.includes(code));
    expect(missing).toEqual([]);
  });

  it('has no section for a code that does not exist, and none twice', () => {
    expect(headings.filter((code) => !(code in catalogue))).toEqual([]);
    expect(headings.length).toBe(new Set(headings).size);
  });

  it('states each code’s severity and its English and Chinese titles', () => {
    const sections = problemsDoc.split(/^(?=###\s)/m);
    for (const [code, definition] of Object.entries(catalogue)) {
      const section = sections.find((text) => text.startsWith(`### \`${code}\``)) ?? '';
      expect(section, code).toContain(`Severity: **${definition.severity}**`);
      expect(section, code).toContain(definition.title.en);
      expect(section, code).toContain(definition.title['zh-CN']);
    }
  });

  it('gives every code an example journey that raises it', () => {
    for (const code of Object.keys(catalogue)) {
      const [example, ...more] = examplesTagged(problemsDoc, `problem ${code}`);
      expect(example, `example for ${code}`).toBeDefined();
      expect(more).toEqual([]);
      const raised = validate(JSON.parse(example!.json)).map((problem) => problem.code);
      expect(raised, code).toContain(code);
    }
  });

  it('marks no example for an unknown code', () => {
    const tagged = examples(problemsDoc).map((example) => example.tag);
    expect(tagged.filter((tag) => !tag.startsWith('problem ') || !(tag.slice('problem '.length) in catalogue))).toEqual([]);
  });
});

describe('docs/journey-format.md', () => {
  it('names every property of the generated JSON Schema in backticks', () => {
    const schema = z.toJSONSchema(defaultRegistry.documentSchema, { io: 'input' });
    const names = [...propertyNames(schema)];
    expect(names.length).toBeGreaterThan(40);
    expect(names.filter((name) => !formatDoc.includes(`\`${name}\``))).toEqual([]);
  });

  it('has a section for every node kind', () => {
    const headings = [...formatDoc.matchAll(/^###\s+`?([A-Za-z]+)`?\s*$/gm)].map((match) => match[1] ?? '');
    const missing = defaultRegistry.kinds.map((kind) => kind.kind).filter((kind) => !headings.includes(kind));
    expect(missing).toEqual([]);
  });

  it('has full example journeys that parse and validate without errors', () => {
    const journeys = examplesTagged(formatDoc, 'journey');
    expect(journeys.length).toBeGreaterThan(0);
    for (const example of journeys) {
      const document: unknown = JSON.parse(example.json);
      expect(errorsOf(document)).toEqual([]);
    }
  });

  it('shows the cart-abandonment template as its first example journey', () => {
    const [first] = examplesTagged(formatDoc, 'journey');
    expect(JSON.parse(first!.json)).toEqual(instantiateTemplate(cartAbandonment, 'en'));
  });

  it('has example nodes that pass the format check, at least one of every kind', () => {
    const nodes = examplesTagged(formatDoc, 'node').map((example) => JSON.parse(example.json) as { kind: string });
    expect(nodes.map((node) => node.kind).sort()).toEqual(expect.arrayContaining(defaultRegistry.kinds.map((kind) => kind.kind)));
    for (const node of nodes) {
      const { document, problems } = checkJourney({ schemaVersion: 1, id: 'example', name: 'Example', nodes: [node] });
      expect(problems.filter((problem) => problem.code === 'schema-invalid' || problem.code === 'unknown-kind'), JSON.stringify(node)).toEqual([]);
      expect(document).not.toBeNull();
    }
  });

  it('has example conditions that parse', () => {
    const conditions = examplesTagged(formatDoc, 'condition');
    expect(conditions.length).toBeGreaterThan(0);
    for (const example of conditions) expect(conditionSchema.safeParse(JSON.parse(example.json)).success, example.json).toBe(true);
  });

  it('marks no example of an unknown sort', () => {
    const tags = examples(formatDoc).map((example) => example.tag);
    expect(tags.filter((tag) => !['journey', 'node', 'condition'].includes(tag))).toEqual([]);
  });
});
