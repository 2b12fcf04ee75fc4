// Core messages in the app: rendered by the app's i18next instance, which holds the "core" section of
// every catalog as a namespace beside "app" (see src/locales/say.ts).
import { sayWith } from '../../locales/say.ts';
import i18n from './index.ts';

export type { Text } from '../../locales/say.ts';

// A missing message is a bug to see, not to guess around: the console error fails any end-to-end test.
export const say = sayWith(i18n, (key) => console.error(`Journey Lab: no catalog has the message "${key}".`));
