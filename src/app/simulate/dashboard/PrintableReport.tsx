// The head of the printed report: what was simulated, when, a picture of the journey, the assumptions
// the figures rest on and every KPI with its interval and formula (what the journey adds first, then the
// attributed and other figures, with what tells them apart). The dashboard renders it when the
// user asks to print; print.css hides the app around it and the dashboard's controls, so the page holds
// this followed by the dashboard's charts and tables. On screen it is not shown.
import { useTranslation } from 'react-i18next';
import { channelCost, channelInfo, channels } from '../../../core/journey';
import { describeDuration, parseDuration } from '../../../core/journey';
import { offerKind } from '../../../core/journey';
import { defaultRegistry } from '../../../core/journey';
import type { JourneyDocument } from '../../../core/journey';
import type { SimulationReport } from '../../../core/sim/engine';
import { formatCount, formatMoney } from '../format';
import { journeyPictureSvg, svgDataUrl } from './journeyPicture';
import type { Kpi } from './kpis';
import './print.css';
import { useLang } from '../../i18n/useLang';
import { say } from '../../i18n/say';

export interface PrintableReportProps {
  report: SimulationReport;
  /** The journey as simulated (its settings and offers); without it, only the report's own figures. */
  journey?: JourneyDocument;
  kpis: Kpi[];
  currency: string;
  /** What the run's cohort is called. */
  cohortName: string;
  stale: boolean;
  printedAt: Date;
}

export function PrintableReport({ report, journey, kpis, currency, cohortName, stale, printedAt }: PrintableReportProps) {
  const lang = useLang();
  const { t } = useTranslation();
  const count = (value: number) => formatCount(value, lang);
  const money = (value: number) => formatMoney(value, currency, lang);
  // Some touches cost a tenth of a fen: a third decimal where it is not zero.
  const touchCost = (value: number) => {
    try {
      return new Intl.NumberFormat(lang, { style: 'currency', currency, maximumFractionDigits: 3 }).format(value);
    } catch {
      return money(value);
    }
  };
  const duration = (text: string) => {
    const ms = parseDuration(text);
    return ms === null ? text : say(describeDuration(ms), lang);
  };
  const settings = journey?.settings;

  const assumptions: [string, string][] = [
    [t('report.assumption.users'), count(report.users)],
    [t('report.assumption.seed'), String(report.seed)],
    [t('report.assumption.replications'), count(report.replications)],
    [t('report.assumption.cohort'), cohortName],
    [t('report.assumption.horizon'), t('report.days', { days: count(report.horizonDays) })],
    [t('report.assumption.currency'), currency],
  ];
  if (settings) {
    const cap = settings.frequencyCap;
    const quiet = settings.quietHours;
    assumptions.push(
      [t('report.assumption.frequencyCap'), cap ? t('report.capValue', { touches: count(cap.touches), window: duration(cap.window) }) : t('report.none')],
      [t('report.assumption.quietHours'), quiet ? `${quiet.start}–${quiet.end}` : t('report.none')],
    );
  }

  const offers = (journey?.nodes ?? []).flatMap((node) => {
    if (node.kind !== 'offer') return [];
    const params = offerKind.params.safeParse(node.params);
    return params.success ? [{ id: node.id, label: node.label || node.id, ...params.data }] : [];
  });

  const picture = journey ? journeyPictureSvg(journey, lang, (kind) => say(defaultRegistry.get(kind)?.name, lang) ?? kind) : null;
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(printedAt);

  return (
    <section className="print-report" aria-label={t('report.region')} lang={lang}>
      <div className="print-report__cover">
        <h1 className="print-report__title">{t('report.title', { name: report.journey.name })}</h1>
        <p className="print-report__meta">{t('report.printedAt', { date })}</p>
        {stale && <p className="print-report__stale">{t('simulate.stale')}</p>}

        {picture && journey && (
          <figure className="print-report__picture">
            <img src={svgDataUrl(picture.svg)} width={picture.width} height={picture.height} alt={t('report.pictureAlt', { name: journey.name, nodes: count(journey.nodes.length), edges: count(journey.edges.length) })} />
          </figure>
        )}
      </div>

      <table className="print-report__table print-report__table--first">
        <caption>{t('report.assumptionsTitle')}</caption>
        <tbody>
          {assumptions.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <table className="print-report__table">
        <caption>{t('report.channelCostsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.channel')}</th>
            <th scope="col">{t('report.costPerTouch')}</th>
          </tr>
        </thead>
        <tbody>
          {channels.map((channel) => {
            const overridden = settings?.channelCosts[channel] !== undefined;
            return (
              <tr key={channel}>
                <th scope="row">{say(channelInfo[channel].name, lang)}</th>
                <td>{overridden ? touchCost(channelCost(channel, settings?.channelCosts)) : t('report.defaultCost', { cost: touchCost(channelInfo[channel].defaultCost) })}</td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {journey && (
        <table className="print-report__table">
          <caption>{t('report.offersTitle')}</caption>
          {offers.length === 0 ? (
            <tbody>
              <tr>
                <td>{t('report.noOffers')}</td>
              </tr>
            </tbody>
          ) : (
            <>
              <thead>
                <tr>
                  <th scope="col">{t('report.offer.step')}</th>
                  <th scope="col">{t('report.offer.type')}</th>
                  <th scope="col">{t('report.offer.value')}</th>
                  <th scope="col">{t('report.offer.minSpend')}</th>
                  <th scope="col">{t('report.offer.validity')}</th>
                </tr>
              </thead>
              <tbody>
                {offers.map((offer) => (
                  <tr key={offer.id}>
                    <th scope="row">{offer.label}</th>
                    <td>{t(`report.offerType.${offer.offer}`)}</td>
                    <td>{money(offer.value)}</td>
                    <td>{money(offer.minSpend)}</td>
                    <td>{duration(offer.validity)}</td>
                  </tr>
                ))}
              </tbody>
            </>
          )}
        </table>
      )}

      {(['incremental', 'attributed'] as const).map((group) => (
        <table key={group} className="print-report__table print-report__kpis">
          <caption>{t(group === 'incremental' ? 'report.kpisIncremental' : 'report.kpisAttributed')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.kpi.figure')}</th>
              <th scope="col">{t('report.kpi.value')}</th>
              <th scope="col">{t('report.kpi.interval')}</th>
              <th scope="col">{t('report.kpi.formula')}</th>
            </tr>
          </thead>
          <tbody>
            {kpis
              .filter((kpi) => kpi.group === group)
              .map((kpi) => (
                <tr key={kpi.key} data-kpi={kpi.key}>
                  <th scope="row">{kpi.label}</th>
                  <td>{kpi.exactValue}</td>
                  <td>{kpi.exactDetail ?? '—'}</td>
                  <td>{kpi.formula}</td>
                </tr>
              ))}
          </tbody>
        </table>
      ))}
      <p className="print-report__note">{t('dashboard.attributedNote')}</p>
      <h2 className="print-report__charts">{t('report.chartsTitle')}</h2>
    </section>
  );
}
