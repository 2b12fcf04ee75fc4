// The database's tables as Kysely sees them (created by migrations.ts). Times are timestamptz; ids of
// members, tokens and documents are text chosen by the server (members, tokens) or by the document itself.
import type { ColumnType, Generated } from 'kysely';

/** A timestamptz: written as a Date, read back as a Date by both drivers (pg and PGlite). */
export type Timestamp = ColumnType<Date, Date, Date>;

export const roles = ['viewer', 'editor', 'approver', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Each role includes the ones before it. */
export const roleRank = (role: Role): number => roles.indexOf(role);
export const isRole = (value: unknown): value is Role => typeof value === 'string' && (roles as readonly string[]).includes(value);

export const resourceKinds = ['journeys', 'cohorts', 'scenarios', 'lessons'] as const;
export type ResourceKind = (typeof resourceKinds)[number];

export const reviewStates = ['draft', 'in_review', 'approved', 'archived'] as const;
export type ReviewState = (typeof reviewStates)[number];

export interface MembersTable {
  id: string;
  /** Lower-cased; one member per address. */
  email: string;
  name: string;
  role: Role;
  /** scrypt$N$r$p$salt$hash (passwords.ts). */
  password_hash: string;
  created_at: Timestamp;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's value: a copy of the database does not hand out sessions. */
  token_hash: string;
  member_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: string;
  member_id: string;
  name: string;
  /** SHA-256 of the token; the token itself is shown once, when it is created. */
  token_hash: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
}

export interface SetupTokensTable {
  token_hash: string;
  expires_at: Timestamp;
}

export interface DocumentsTable {
  kind: ResourceKind;
  id: string;
  /** The newest version's number (1, 2, …); versions of deleted documents stay. */
  version: number;
  deleted: boolean;
  /** The document's name as lists show it (text, or both languages as JSON). */
  name: string;
  /** Journeys only (others stay 'draft'): draft → in_review → approved → archived. */
  state: ReviewState;
  submitted_by: string | null;
  /** The version submitted for review, and the scenario attached to it. */
  submitted_version: number | null;
  scenario_id: string | null;
  approved_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface DocumentVersionsTable {
  kind: ResourceKind;
  id: string;
  version: number;
  /** The document as stored (json keeps its text, key order included); null for a deletion. */
  document: ColumnType<unknown, string | null, string | null>;
  /** SHA-256 of the document's canonical JSON (hash.ts); null for a deletion. */
  hash: string | null;
  action: 'create' | 'update' | 'delete' | 'restore';
  created_at: Timestamp;
  created_by: string | null;
}

export interface CommentsTable {
  id: Generated<number>;
  kind: ResourceKind;
  document_id: string;
  node_id: string | null;
  version: number;
  author: string;
  text: string;
  created_at: Timestamp;
}

export interface AuditTable {
  id: Generated<number>;
  at: Timestamp;
  /** The member's e-mail address when the change was made (kept after the member is removed); null: the server itself. */
  actor: string | null;
  action: string;
  target: string;
  detail: ColumnType<unknown, string, string>;
}

export interface Database {
  members: MembersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  setup_tokens: SetupTokensTable;
  documents: DocumentsTable;
  document_versions: DocumentVersionsTable;
  comments: CommentsTable;
  audit_log: AuditTable;
}
