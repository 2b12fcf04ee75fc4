// "Why?": what the selected node does in marketing terms and how this run went through it, and any
// headline metric's formula with this run's numbers plugged in, each linked to the glossary.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../../store/useEditor';
import { usePlayback } from '../playback/PlaybackContext';
import { NodeWhy } from './NodeWhy';
import { MetricWhy } from './MetricWhy';
import './explain.css';

export function ExplainTab() {
  const { t } = useTranslation();
  const selected = useEditor((state) => (state.selection.nodes.length === 1 ? state.journey?.nodes.find((node) => node.id === state.selection.nodes[0]) ?? null : null));
  const editorCurrency = useEditor((state) => state.journey?.settings.currency ?? 'CNY');
  const report = usePlayback((state) => (state.phase === 'ready' ? state.report : null));
  const currency = usePlayback((state) => state.input?.journey.settings.currency) ?? editorCurrency;
  const stale = usePlayback((state) => state.stale);
  // The counts are the recorded run's: its node, as it was then, names the ports they were counted by.
  const recorded = usePlayback((state) => (selected && state.phase === 'ready' ? (state.input?.journey.nodes.find((node) => node.id === selected.id) ?? null) : null));
  const headingId = useId();

  return (
    <section className="explain" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {t('trainer.explain.heading')}
      </h2>
      {selected ? <NodeWhy node={selected} recorded={recorded} stale={stale} report={report} currency={currency} /> : <p>{t('trainer.explain.noNode')}</p>}
      <MetricWhy report={report} currency={currency} />
    </section>
  );
}
