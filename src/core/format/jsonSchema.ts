import { z } from 'zod';
import type { VersionedFormat } from './versioned';

/** A JSON Schema document as zod writes it. */
export type JsonSchema = z.core.JSONSchema.JSONSchema;

/** Where `npm run schema` writes a format's JSON Schema, relative to the repository root. */
export const schemaFileOf = (format: VersionedFormat): string => `schema/${format.name}.schema.json`;

/** A URN rather than a web address: the schemas are published as files, and each version is a schema of its own. */
const idOf = (format: VersionedFormat): string => `urn:journey-lab:schema:${format.name}:v${format.current}`;

/** The object schema a document must match: the root itself, or the `$defs` entry it points to when zod named it. */
function documentSchemaOf(schema: JsonSchema): JsonSchema | undefined {
  const name = schema.$ref?.startsWith('#/$defs/') ? schema.$ref.slice('#/$defs/'.length) : undefined;
  return name === undefined ? schema : schema.$defs?.[name];
}

/**
 * The published JSON Schema (draft 2020-12) of a format: the input form of the zod schema its files are
 * checked with — fields with defaults may be left out — so editors and other tools check files as
 * Journey Lab does, short of the rules that need more than one field. Anything zod cannot express in
 * JSON Schema is an error here rather than a silently looser schema. Throws when the zod schema does
 * not fix `schemaVersion` to the format's current version: then the declaration and the schema disagree.
 */
export function jsonSchemaOf(format: VersionedFormat): JsonSchema {
  const { $schema, ...generated } = z.toJSONSchema(format.schema(), { io: 'input', target: 'draft-2020-12', unrepresentable: 'throw' });
  const document = documentSchemaOf(generated);
  const version = document?.properties?.schemaVersion;
  if (typeof version !== 'object' || version.const !== format.current || !document?.required?.includes('schemaVersion'))
    throw new Error(`The ${format.name} schema does not require schemaVersion ${format.current}, the version its format declares`);
  const heading: JsonSchema = {
    $schema,
    $id: idOf(format),
    title: `${format.describedAs.title} (format version ${format.current})`,
    description: format.describedAs.description,
  };
  // The heading comes first in the file, and wins over a title zod put on an unnamed root.
  return { ...heading, ...generated, ...heading };
}
