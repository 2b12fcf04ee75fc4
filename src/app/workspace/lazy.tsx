// The workspace's screens load only on a page `journey-lab serve` marked: the local-only app's first
// script stays as it was (see lazyScreens.tsx for why that matters).
import { lazy } from 'react';

export const WorkspaceGate = lazy(() => import('./WorkspaceGate').then((module) => ({ default: module.WorkspaceGate })));
export const WorkspaceMemberBar = lazy(() => import('./WorkspaceGate').then((module) => ({ default: module.WorkspaceMemberBar })));
export const WorkspaceEditorBar = lazy(() => import('./WorkspaceEditorBar').then((module) => ({ default: module.WorkspaceEditorBar })));
export const ConflictChanges = lazy(() => import('./history/ConflictChanges').then((module) => ({ default: module.ConflictChanges })));
