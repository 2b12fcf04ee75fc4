// The mock team server's cohorts, scenarios and lessons (/api/cohorts, /api/scenarios, /api/lessons), answered as src/server does (see ../workspaceServer.ts).
import type { HttpHandler } from 'msw';
import type { MockKit } from '../workspaceServer';

export const documentHandlers = (_kit: MockKit): HttpHandler[] => [];
