// What the documentation tests share: reading the examples marked in a markdown file, the property
// names of a JSON Schema, and the "### `code`" sections of a problem catalogue.
import type { ProblemDefinition } from '../../src/core/journey/problems';
import { inEnglish, inChinese } from './messages.ts';

export interface Example {
  /** What the marker says the block is, e.g. "journey", "node", "problem instant-loop". */
  tag: string;
  json: string;
}

/** Fenced ```json blocks that directly follow an `<!-- example: TAG -->` comment. */
export function examples(markdown: string): Example[] {
  return [...markdown.matchAll(/<!--\s*example:\s*(.+?)\s*-->\s*\n```json\n([\s\S]*?)\n```/g)].map((match) => ({ tag: match[1] ?? '', json: match[2] ?? '' }));
}

export const examplesTagged = (markdown: string, tag: string) => examples(markdown).filter((example) => example.tag === tag);

/** Every name under `properties` anywhere in a JSON Schema ($defs, anyOf, oneOf, items and so on included). */
export function propertyNames(schema: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) {
    for (const part of schema) propertyNames(part, into);
    return into;
  }
  if (typeof schema !== 'object' || schema === null) return into;
  const record = schema as Record<string, unknown>;
  if (typeof record.properties === 'object' && record.properties !== null) for (const name of Object.keys(record.properties)) into.add(name);
  for (const value of Object.values(record)) propertyNames(value, into);
  return into;
}

/** The codes headed "### `code`" in a markdown file. */
export const codeHeadings = (markdown: string): string[] => [...markdown.matchAll(/^###\s+`([^`]+)`\s*$/gm)].map((match) => match[1] ?? '');

/** Expects each code's section to state its severity and both titles. */
export function expectSectionsDescribe(markdown: string, catalogue: Record<string, ProblemDefinition>): void {
  const sections = markdown.split(/^(?=###?\s)/m);
  for (const [code, definition] of Object.entries(catalogue)) {
    const section = sections.find((text) => text.startsWith(`### \`${code}\``)) ?? '';
    expect(section, code).toContain(`Severity: **${definition.severity}**`);
    expect(section, code).toContain(inEnglish(definition.title));
    expect(section, code).toContain(inChinese(definition.title));
  }
}
