// The interface language for a component: read where it is needed instead of passed down as a prop.
import { useTranslation } from 'react-i18next';
import { currentLanguage, isLanguage, type Language } from './index.ts';

/** The current language; the component renders again when it changes. */
export function useLang(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : currentLanguage();
}
