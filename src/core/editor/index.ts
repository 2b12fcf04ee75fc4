/** The public surface of this folder: code outside it imports from here (lint keeps it so). */
export { NODE_WIDTH, addNode, addNodeAfter, applyPositions, connect, copyFragment, deleteElements, duplicateJourney, emptyJourney, moveNodes, pasteFragment, renameJourney, setGoals, updateNode, updateSettings } from './commands';
export type { Fragment, Position } from './commands';
export { layoutJourney } from './layout';
