// Why one node is there: its kind in marketing terms, what its settings mean, and this run's counts
// through it (entries, users, and how many left by each port).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { termsOfKind } from '../../../core/glossary';
import { defaultRegistry } from '../../../core/journey';
import type { JourneyNode } from '../../../core/journey';
import type { SimulationReport } from '../../../core/sim/engine';
import { formatCount, formatPercent } from '../../simulate/format';
import { GlossaryLinks } from './GlossaryLinks';
import { useLang } from '../../i18n/useLang';
import { say } from '../../i18n/say';

interface NodeWhyProps {
  node: JourneyNode;
  /** The same node in the recorded journey (null when it was added since, or nothing is recorded). */
  recorded: JourneyNode | null;
  /** The journey changed since the recording the counts come from. */
  stale: boolean;
  report: SimulationReport | null;
}

export function NodeWhy({ node, recorded, stale, report }: NodeWhyProps) {
  const lang = useLang();
  const { t } = useTranslation();
  const headingId = useId();
  const kind = defaultRegistry.get(node.kind);
  const counts = report?.nodes.find((candidate) => candidate.id === node.id) ?? null;
  const counted = recorded ?? node;
  const ports = defaultRegistry.get(counted.kind)?.ports(counted.params) ?? [];
  const leaving = counts ? Object.values(counts.ports).reduce((sum, value) => sum + value, 0) : 0;
  const label = node.label || (say(kind?.name, lang) ?? node.kind);

  return (
    <section className="explain__node" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('trainer.explain.nodeHeading', { label })}</h3>
      {kind && (
        <>
          <h4>{t('trainer.explain.kind', { kind: say(kind.name, lang) })}</h4>
          <p>{say(kind.description, lang)}</p>
          <h4>{t('trainer.explain.settings')}</h4>
          <p className="explain__summary">{say(kind.summary(node.params), lang)}</p>
          {kind.fields && kind.fields.length > 0 && (
            <dl className="explain__fields">
              {kind.fields.map((field) => (
                <div key={field.key}>
                  <dt>{say(field.label, lang)}</dt>
                  <dd>{say(field.help, lang)}</dd>
                </div>
              ))}
            </dl>
          )}
        </>
      )}
      <h4>{t('trainer.explain.numbers')}</h4>
      {report && stale && <p className="explain__stale">{t('trainer.explain.stale')}</p>}
      {!report ? (
        <p>{t('trainer.explain.notRecorded')}</p>
      ) : !counts || counts.entries === 0 ? (
        <p>{t('trainer.explain.notReached')}</p>
      ) : (
        <>
          <p>{t('trainer.explain.entered', { entries: formatCount(counts.entries, lang), users: formatCount(counts.users, lang) })}</p>
          {ports.length > 0 && (
            <ul aria-label={t('trainer.explain.numbers')}>
              {ports.map((port) => {
                const count = counts.ports[port.id] ?? 0;
                return (
                  <li key={port.id}>
                    {t('trainer.explain.portShare', { port: say(port.label, lang), count: formatCount(count, lang), share: formatPercent(leaving > 0 ? count / leaving : 0, lang) })}
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
      <GlossaryLinks terms={termsOfKind(node.kind)} />
    </section>
  );
}
