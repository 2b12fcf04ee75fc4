// The application shell: header (title, language), template sidebar and the journey canvas.
import { useMemo, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Background, Controls, MiniMap, ReactFlow, type AriaLabelConfig } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './app.css';
import { LANGUAGES, currentLanguage, isLanguage, setLanguage, type Language } from './i18n/index.ts';
import { StageLanes } from './StageLanes.tsx';
import { TemplateSidebar } from './TemplateSidebar.tsx';
import { templateSummaries } from './templateSummaries.ts';

const LANGUAGE_NAME_KEYS = { en: 'language.names.en', 'zh-CN': 'language.names.zhCN' } as const satisfies Record<
  Language,
  string
>;

const DIRECTION_KEYS: Record<string, 'up' | 'down' | 'left' | 'right'> = {
  up: 'up',
  down: 'down',
  left: 'left',
  right: 'right',
};

export function App() {
  const { t, i18n } = useTranslation();
  // Depend on i18n.language so the memoised values follow a language switch.
  const lang: Language = isLanguage(i18n.language) ? i18n.language : currentLanguage();

  const templates = useMemo(() => templateSummaries(lang), [lang]);

  const ariaLabelConfig = useMemo<Partial<AriaLabelConfig>>(
    () => ({
      'controls.ariaLabel': t('canvas.aria.controls'),
      'controls.zoomIn.ariaLabel': t('canvas.aria.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.aria.zoomOut'),
      'controls.fitView.ariaLabel': t('canvas.aria.fitView'),
      'controls.interactive.ariaLabel': t('canvas.aria.interactive'),
      'minimap.ariaLabel': t('canvas.aria.minimap'),
      'handle.ariaLabel': t('canvas.aria.handle'),
      'node.a11yDescription.default': t('canvas.aria.nodeDescription'),
      'node.a11yDescription.keyboardDisabled': t('canvas.aria.nodeDescriptionKeyboard'),
      'edge.a11yDescription.default': t('canvas.aria.edgeDescription'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) => {
        const key = DIRECTION_KEYS[direction];
        return t('canvas.aria.nodeMoved', {
          direction: key ? t(`canvas.aria.direction.${key}`) : direction,
          x: Math.round(x),
          y: Math.round(y),
        });
      },
    }),
    [t],
  );

  const onLanguageChange = (event: ChangeEvent<HTMLSelectElement>) => {
    const next = event.target.value;
    if (isLanguage(next)) void setLanguage(next);
  };

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-header__title">{t('app.title')}</h1>
        <label className="language-switch">
          <span className="language-switch__label">{t('language.label')}</span>
          <select className="language-switch__select" value={lang} onChange={onLanguageChange}>
            {LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {t(LANGUAGE_NAME_KEYS[code])}
              </option>
            ))}
          </select>
        </label>
      </header>
      <div className="app-body">
        <TemplateSidebar templates={templates} />
        <main className="app-main">
          <section className="canvas" aria-label={t('canvas.region')}>
            <StageLanes />
            <ReactFlow
              className="canvas__flow"
              nodes={[]}
              edges={[]}
              ariaLabelConfig={ariaLabelConfig}
            >
              <Background gap={24} size={1} color="var(--canvas-dot)" />
              <Controls position="top-right" />
              <MiniMap position="bottom-right" pannable zoomable />
            </ReactFlow>
          </section>
        </main>
      </div>
    </div>
  );
}

export default App;
