// The mock team server's who has a journey open (presence), answered as src/server does (see ../workspaceServer.ts).
import type { HttpHandler } from 'msw';
import type { MockKit } from '../workspaceServer';

export const presenceHandlers = (_kit: MockKit): HttpHandler[] => [];
