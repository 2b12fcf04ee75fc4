// Why one node is there: its kind in marketing terms, what its settings mean, and this run through it:
// first what it added — the incremental conversions, revenue and cost of the users who entered it, over
// the whole horizon, against their twins (the same users without the journey) — then its counts
// (entries, users, and how many left by each port).
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { termsOfKind } from '../../../core/glossary';
import { defaultRegistry } from '../../../core/journey';
import type { JourneyNode } from '../../../core/journey';
import type { SimulationReport } from '../../../core/sim/engine';
import { formatCount, formatMoney, formatPercent } from '../../simulate/format';
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
  /** The recorded journey's currency (an ISO 4217 code). */
  currency: string;
}

export function NodeWhy({ node, recorded, stale, report, currency }: NodeWhyProps) {
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
          <dl className="explain__fields explain__incremental" aria-label={t('trainer.explain.nodeIncremental.name')}>
            <div>
              <dt>{t('trainer.explain.nodeIncremental.conversions')}</dt>
              <dd>{formatCount(counts.incremental.conversions, lang)}</dd>
            </div>
            <div>
              <dt>{t('trainer.explain.nodeIncremental.revenue')}</dt>
              <dd>{formatMoney(counts.incremental.revenue, currency, lang)}</dd>
            </div>
            <div>
              <dt>{t('trainer.explain.nodeIncremental.cost')}</dt>
              <dd>{formatMoney(counts.incremental.cost, currency, lang)}</dd>
            </div>
          </dl>
          <p className="explain__note">{t('trainer.explain.nodeIncremental.over', { users: formatCount(counts.users, lang) })}</p>
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
