// The journey's settings (horizon, frequency cap, quiet hours, exit on goal, re-entry, currency,
// channel costs), shown in the inspector when no step is selected.
import { useId } from 'react';
import type { Language } from '../i18n/index.ts';
import { settingsFields } from '../../core/journey';
import type { Problem } from '../../core/journey';
import { settingsSchema, type JourneySettings } from '../../core/journey';
import { FieldForm } from './FieldForm';
import type { InspectorT } from './formContext';
import type { PathMessage } from './formMessageSlots';
import { useLang } from '../i18n/useLang';
import { say } from '../i18n/say';
import { SettingsIcon } from '../icons';

/** The journey's problems about its settings, with paths relative to the settings. */
export function settingsMessages(problems: readonly Problem[], lang: Language): PathMessage[] {
  return problems
    .filter((problem) => !problem.location.nodeId && !problem.location.edgeId && problem.location.path[0] === 'settings')
    .map((problem) => ({
      path: problem.location.path.slice(1),
      message: { severity: problem.severity, text: say(problem.message, lang), code: problem.code },
    }));
}

export interface SettingsFormProps {
  settings: JourneySettings;
  problems: readonly Problem[];
  t: InspectorT;
  onChangeSettings(next: JourneySettings): void;
}

export function SettingsForm({ settings, problems, t, onChangeSettings }: SettingsFormProps) {
  const lang = useLang();
  const headingId = useId();
  return (
    <section className="insp-section" aria-labelledby={headingId}>
      <header className="insp-header">
        <h2 id={headingId} className="insp-header__title">
          <span className="insp-header__icon" aria-hidden="true">
            <SettingsIcon />
          </span>
          {t('settings.heading')}
        </h2>
        <p className="insp-header__description">{t('settings.intro')}</p>
      </header>
      <FieldForm
        fields={settingsFields}
        schema={settingsSchema}
        value={settings}
        onCommit={onChangeSettings}
        external={settingsMessages(problems, lang)}
        t={t}
        currency={settings.currency}
        messagesLabel={t('settings.problems')}
      />
    </section>
  );
}
