import { defineAction } from './defineOperation';

/** Adds (present) or removes a tag on the user, for later conditions. */
export const setTag = defineAction<{ node: string; tag: string; present: boolean }, { tag: string; present: boolean }>({
  type: 'setTag',
  role: 'update',
  run: (context, p) => ({ tags: p.present ? [...new Set([...context.tags, p.tag])] : context.tags.filter((tag) => tag !== p.tag) }),
  decode: (p) => ({ tag: String(p.tag), present: p.present === true }),
  execute: (user, r) => {
    user.tags.set(r.tag, r.present);
  },
});
