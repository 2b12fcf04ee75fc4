// Core messages in the app: rendered by the app's i18next instance, which holds the "core" section of
// every catalog as a namespace beside "app" (see src/locales/say.ts).
import { sayWith } from '../../locales/say.ts';
import i18n from './index.ts';

export type { Text } from '../../locales/say.ts';

export const say = sayWith(i18n);
