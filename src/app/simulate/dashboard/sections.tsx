// The pieces every dashboard section is made of: a titled region, a chart with its data table behind a
// toggle, and the ECharts options they all share.
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import { Chart } from './Chart';
import { ErrorBoundary } from '../../ErrorBoundary';
import type { Estimate } from '../../../core/sim/engine';
import { intervalText } from './kpis';

/** A section whose chart or table fails to draw says so under its heading; the other sections stay. */
function SectionBoundary({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return <ErrorBoundary area={t('errorBoundary.areas.section', { title })}>{children}</ErrorBoundary>;
}

export function DashboardSection({ title, wide, children }: { title: string; wide?: boolean; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className={`dashboard-section${wide ? ' dashboard-section--wide' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <SectionBoundary title={title}>{children}</SectionBoundary>
    </section>
  );
}

/**
 * A chart with its data table, hidden behind a "Show data" toggle; with `empty`, that note instead
 * (nothing to draw). `children` go under the chart, always shown (what the chart leaves out).
 */
export function ChartWithData({
  title,
  option,
  table,
  height,
  minWidth,
  empty,
  wide,
  children,
}: {
  title: string;
  option: EChartsCoreOption;
  table: ReactNode;
  height?: number;
  /** Wider than the section where the chart needs it (it then scrolls sideways). */
  minWidth?: number | null;
  empty?: string;
  wide?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const tableId = useId();
  if (empty !== undefined)
    return (
      <DashboardSection title={title} wide={wide}>
        <p>{empty}</p>
      </DashboardSection>
    );
  return (
    <DashboardSection title={title} wide={wide}>
      <Chart option={option} title={title} height={height} minWidth={minWidth} />
      {children}
      <button type="button" className="dashboard-section__toggle" aria-expanded={shown} aria-controls={tableId} onClick={() => setShown(!shown)}>
        {shown ? t('dashboard.hideData') : t('dashboard.showData')}
      </button>
      <TableScroll id={tableId} label={t('dashboard.tableRegion', { title })} hidden={!shown}>
        {table}
      </TableScroll>
    </DashboardSection>
  );
}

/**
 * The box a table scrolls in (sideways where its columns are wider than the dialog, down where it is long):
 * a region in the tab order, so keyboard users can scroll it with the arrow keys. Named by `label`, or by
 * the element `labelledBy` names (the table's caption). `sidewaysOnly`: a table always on show (segments,
 * arms, scenarios compared) is shown whole, its rows never cut off; only its width scrolls.
 */
export function TableScroll({ id, label, labelledBy, hidden, sidewaysOnly, children }: { id?: string; label?: string; labelledBy?: string; hidden?: boolean; sidewaysOnly?: boolean; children: ReactNode }) {
  return (
    <div id={id} className={`dashboard-table__scroll${sidewaysOnly ? ' dashboard-table__scroll--sideways' : ''}`} role="region" aria-label={label} aria-labelledby={labelledBy} tabIndex={0} hidden={hidden}>
      {children}
    </div>
  );
}

// ECharts' own aria label is off: the container carries the chart's name and the data table its numbers.
// (The renderer replaces `inherit` with the page's font stack, which it can measure text in.)
export const baseOption = { animation: false, aria: { enabled: false }, tooltip: { trigger: 'axis' as const }, textStyle: { fontFamily: 'inherit' } };

/**
 * Labels of a category axis of days, hours or factors: ECharts picks an interval at which they fit, and
 * any that would still touch another is left out rather than drawn over it.
 */
export const readableAxisLabel = { interval: 'auto', hideOverlap: true } as const;

/** A legend on one line at the chart's top: entries that do not fit scroll (with arrows), never overlap. */
export const scrollLegend = { type: 'scroll', top: 0, left: 0, right: 0, itemGap: 16 } as const;

/** Horizontal bars, largest category on top, each labelled (a funnel). */
export function horizontalBars(categories: string[], values: number[], name: string, label: (index: number) => string): EChartsCoreOption {
  return {
    ...baseOption,
    grid: { left: 24, right: 64, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name, nameLocation: 'middle', nameGap: 28, axisLabel: { hideOverlap: true } },
    // A long step name is cut short with "…" rather than squeezing the bars to nothing; the tooltip and the table have it whole.
    yAxis: { type: 'category', inverse: true, data: categories, axisLabel: { width: 180, overflow: 'truncate' } },
    series: [{ type: 'bar', name, data: values, label: { show: true, position: 'right', formatter: ({ dataIndex }: { dataIndex: number }) => label(dataIndex) } }],
  };
}

/** A figure in a table cell, followed by its 95 % interval where it has one. */
export function EstimateText({ estimate, format }: { estimate: Estimate; format: (value: number) => string }) {
  const { t } = useTranslation();
  const interval = intervalText(estimate, format, t);
  return (
    <>
      {format(estimate.value)}
      {interval && <span className="dashboard-table__interval"> {interval}</span>}
    </>
  );
}
