// Left sidebar: the journey templates one can start from.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from './templateSummaries.ts';

export interface TemplateSidebarProps {
  templates: readonly TemplateSummary[];
}

export function TemplateSidebar({ templates }: TemplateSidebarProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <aside className="sidebar" aria-labelledby={headingId}>
      <h2 id={headingId} className="sidebar__heading">
        {t('templates.heading')}
      </h2>
      {templates.length === 0 ? (
        <p className="sidebar__empty">{t('templates.empty')}</p>
      ) : (
        <ul className="template-list">
          {templates.map((template) => (
            <li key={template.id} className="template-list__item" data-template-id={template.id}>
              <span className="template-list__name">{template.name}</span>
              <span className="template-list__description">{template.description}</span>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
