// The schema's history as Kysely migrations, each with `up` and `down`, run by Kysely's Migrator on
// PGlite and PostgreSQL alike. Built with Kysely's schema builder: no SQL text is ever made from input.
import { sql, type Kysely } from 'kysely';
import { Migrator, NO_MIGRATIONS, type Migration, type MigrationResultSet } from 'kysely/migration';

// Migrations run against whatever schema the database has: they take the database untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely's Migration interface takes Kysely<any>
type AnyDatabase = Kysely<any>;

const now = sql`now()`;

const initial: Migration = {
  async up(db: AnyDatabase) {
    await db.schema
      .createTable('members')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('email', 'text', (column) => column.notNull().unique())
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('role', 'text', (column) => column.notNull().check(sql`role in ('viewer', 'editor', 'approver', 'admin')`))
      .addColumn('password_hash', 'text', (column) => column.notNull())
      .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(now))
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('token_hash', 'text', (column) => column.primaryKey())
      .addColumn('member_id', 'text', (column) => column.notNull().references('members.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (column) => column.notNull())
      .addColumn('created_at', 'timestamptz', (column) => column.notNull())
      .addColumn('expires_at', 'timestamptz', (column) => column.notNull())
      .execute();
    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('member_id', 'text', (column) => column.notNull().references('members.id').onDelete('cascade'))
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('token_hash', 'text', (column) => column.notNull().unique())
      .addColumn('created_at', 'timestamptz', (column) => column.notNull())
      .addColumn('last_used_at', 'timestamptz')
      .execute();
    await db.schema
      .createTable('setup_tokens')
      .addColumn('token_hash', 'text', (column) => column.primaryKey())
      .addColumn('expires_at', 'timestamptz', (column) => column.notNull())
      .execute();
    await db.schema
      .createTable('documents')
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('id', 'text', (column) => column.notNull())
      .addColumn('version', 'integer', (column) => column.notNull())
      .addColumn('deleted', 'boolean', (column) => column.notNull().defaultTo(false))
      .addColumn('name', 'text', (column) => column.notNull())
      .addColumn('state', 'text', (column) => column.notNull().defaultTo('draft').check(sql`state in ('draft', 'in_review', 'approved', 'archived')`))
      .addColumn('submitted_by', 'text')
      .addColumn('submitted_version', 'integer')
      .addColumn('scenario_id', 'text')
      .addColumn('approved_by', 'text')
      .addColumn('updated_at', 'timestamptz', (column) => column.notNull())
      .addColumn('updated_by', 'text')
      .addPrimaryKeyConstraint('documents_pk', ['kind', 'id'])
      .execute();
    await db.schema
      .createTable('document_versions')
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('id', 'text', (column) => column.notNull())
      .addColumn('version', 'integer', (column) => column.notNull())
      .addColumn('document', 'json')
      .addColumn('hash', 'text')
      .addColumn('action', 'text', (column) => column.notNull())
      .addColumn('created_at', 'timestamptz', (column) => column.notNull())
      .addColumn('created_by', 'text')
      .addPrimaryKeyConstraint('document_versions_pk', ['kind', 'id', 'version'])
      .addForeignKeyConstraint('document_versions_document', ['kind', 'id'], 'documents', ['kind', 'id'], (constraint) => constraint.onDelete('cascade'))
      .execute();
    await db.schema
      .createTable('comments')
      .addColumn('id', 'serial', (column) => column.primaryKey())
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('document_id', 'text', (column) => column.notNull())
      .addColumn('node_id', 'text')
      .addColumn('version', 'integer', (column) => column.notNull())
      .addColumn('author', 'text', (column) => column.notNull())
      .addColumn('text', 'text', (column) => column.notNull())
      .addColumn('created_at', 'timestamptz', (column) => column.notNull())
      .addForeignKeyConstraint('comments_document', ['kind', 'document_id'], 'documents', ['kind', 'id'], (constraint) => constraint.onDelete('cascade'))
      .execute();
    await db.schema.createIndex('comments_by_document').on('comments').columns(['kind', 'document_id']).execute();
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'serial', (column) => column.primaryKey())
      .addColumn('at', 'timestamptz', (column) => column.notNull())
      .addColumn('actor', 'text')
      .addColumn('action', 'text', (column) => column.notNull())
      .addColumn('target', 'text', (column) => column.notNull())
      .addColumn('detail', 'json', (column) => column.notNull())
      .execute();
  },
  async down(db: AnyDatabase) {
    for (const table of ['audit_log', 'comments', 'document_versions', 'documents', 'setup_tokens', 'api_tokens', 'sessions', 'members']) await db.schema.dropTable(table).execute();
  },
};

/** Every migration by name; names sort in the order they run. */
export const migrations: Readonly<Record<string, Migration>> = { '0001_initial': initial };

const migratorFor = (db: AnyDatabase) => new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) } });

/** Throws the migrator's error (it returns errors rather than throwing). */
function settled(result: MigrationResultSet): MigrationResultSet {
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return result;
}

/** Brings the schema up to date; run at every start. */
export const migrateToLatest = async (db: AnyDatabase): Promise<MigrationResultSet> => settled(await migratorFor(db).migrateToLatest());

/** Undoes every migration (tests; a full reset). */
export const migrateAllDown = async (db: AnyDatabase): Promise<MigrationResultSet> => settled(await migratorFor(db).migrateTo(NO_MIGRATIONS));
