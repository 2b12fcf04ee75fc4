// The versioned-format module's public surface: what journeys, cohorts and lessons declare and run.
export { downgrade, upgrade, type FormatOverrides, type FormatWords, type Migration, type MigrationResult, type RawDocument, type VersionedFormat } from './versioned';
export { jsonSchemaOf, schemaFileOf, type JsonSchema } from './jsonSchema';
export { canonicalJson } from './canonicalJson';
