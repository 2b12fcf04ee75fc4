import { defineBareAction } from './defineOperation';

/** A user comes in from outside: goals reached in an earlier stay no longer count against exit on goal. */
export const beginStay = defineBareAction<null>({
  type: 'beginStay',
  role: 'update',
  run: () => ({ goalsReached: [] }),
  decode: () => null,
  execute: (user) => user.beginStay(),
});
