import type { ActionOperation, Delivery, GuardOperation, Operation } from './defineOperation';
import { countVisit } from './countVisit';
import { reportVisit } from './reportVisit';
import { port } from './port';
import { leave } from './leave';
import { touch } from './touch';
import { grantOffer } from './grantOffer';
import { markGoal } from './markGoal';
import { reachGoal } from './reachGoal';
import { setTag } from './setTag';
import { setAttribute } from './setAttribute';
import { setTagReport } from './setTagReport';
import { setAttributeReport } from './setAttributeReport';
import { beginStay } from './beginStay';
import { conditionGuard } from './condition';
import { mayEnter } from './mayEnter';
import { splitDraw } from './splitDraw';
import { goalOpen } from './goalOpen';

/**
 * Every operation a compiled journey is made of, once. An operation's file holds what it does in both
 * engines: its XState implementation (the reference engine), its kernel decoder and step, and how its
 * effect reaches the world. Kind files only combine operations (`touch.ref(…)` in their compile), so
 * a kind built from these needs its own file and one registry line, nothing in the engines. Adding an
 * operation: its file, one line here, and its effect in runtime.ts's JourneyEffect if it reports one.
 * A kind may still bring XState implementations of its own (NodeKindDefinition.implementations): the
 * reference engine runs them, and the fast engine refuses such a journey (plan.ts says which).
 */
export const operations: readonly Operation[] = [
  countVisit,
  reportVisit,
  port,
  leave,
  touch,
  grantOffer,
  markGoal,
  reachGoal,
  setTag,
  setAttribute,
  setTagReport,
  setAttributeReport,
  beginStay,
  conditionGuard,
  mayEnter,
  splitDraw,
  goalOpen,
];

const actions = new Map<string, ActionOperation>();
const guards = new Map<string, GuardOperation>();
for (const operation of operations) {
  const table: Map<string, Operation> = operation.role === 'guard' ? guards : actions;
  if (table.has(operation.type)) throw new Error(`operations: two operations are named "${operation.type}"`);
  table.set(operation.type, operation);
}

/** The action operation a config's action names, if it is one. */
export const actionOperation = (type: string): ActionOperation | undefined => actions.get(type);
export const guardOperation = (type: string): GuardOperation | undefined => guards.get(type);

/** Per effect type: how the reference engine hands it to the world (effects nobody delivers are dropped). */
export const deliveries: ReadonlyMap<string, Delivery['deliver']> = new Map(
  operations.flatMap((operation) => (operation.role !== 'guard' && operation.delivers ? [[operation.delivers.effect, operation.delivers.deliver] as const] : [])),
);

export { countVisit, reportVisit, port, leave, touch, grantOffer, markGoal, reachGoal, setTag, setAttribute, setTagReport, setAttributeReport, beginStay };
export { conditionGuard, mayEnter, splitDraw, goalOpen };
export { countAndReportVisit } from './reportVisit';
