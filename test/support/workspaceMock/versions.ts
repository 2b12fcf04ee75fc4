// The mock team server's journey versions (/api/journeys/:id/versions, versions/:n, restore), answered as src/server does (see ../workspaceServer.ts).
import type { HttpHandler } from 'msw';
import type { MockKit } from '../workspaceServer';

export const versionHandlers = (_kit: MockKit): HttpHandler[] => [];
