// What the app's services carry on a team workspace's page (see services.ts): who is signed in, and how
// to sign out. Kept apart from the workspace's code, which loads only on such a page.
import type { Message } from '../../core/i18n';
import type { WorkspaceClient, WorkspaceMember } from './client';
import type { OfflineQueue } from '../persist/offlineQueue';

export interface WorkspaceServices {
  member: WorkspaceMember;
  /** The API, signed in as `member` (the review of a journey, say). */
  client: WorkspaceClient;
  /** Edits waiting in this browser for the server to answer again (persist/offlineQueue.ts). */
  offline?: OfflineQueue;
  /** Ends the session and returns to the sign-in screen; resolves to what went wrong, or null. */
  signOut(): Promise<Message | null>;
}
