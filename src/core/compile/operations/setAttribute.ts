import type { Scalar } from '../../journey/conditions/compare';
import { defineAction } from './defineOperation';

/** Sets an attribute of the user, for later conditions. */
export const setAttribute = defineAction<{ node: string; attribute: string; value: Scalar }, { attribute: string; value: Scalar }>({
  type: 'setAttribute',
  role: 'update',
  run: (context, p) => ({ attributes: { ...context.attributes, [p.attribute]: p.value } }),
  decode: (p) => ({ attribute: String(p.attribute), value: p.value }),
  execute: (user, r) => {
    user.attributes.set(r.attribute, r.value);
  },
});
