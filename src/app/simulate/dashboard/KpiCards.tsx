// The KPI cards: each figure with its 95 % interval and its formula, shown on hover and on focus. A row
// may carry a note (the attributed row: what "attributed" means next to "incremental"), which describes
// the whole list. Each card is a list item holding a named, focusable group (a list holds list items
// only); a figure written short (CN¥24.6M) has the exact amount as its hover text.
import { useId } from 'react';
import type { Kpi } from './kpis';

export function KpiCards({ kpis, label, note }: { kpis: Kpi[]; label: string; note?: string }) {
  const headingId = useId();
  const noteId = useId();
  return (
    <>
      <h3 id={headingId} className="dashboard-kpis__heading">
        {label}
      </h3>
      {note && (
        <p id={noteId} className="dashboard-kpis__note">
          {note}
        </p>
      )}
      <ul className="dashboard-kpis" aria-labelledby={headingId} aria-describedby={note ? noteId : undefined}>
        {kpis.map((kpi) => (
          <KpiCard key={kpi.key} kpi={kpi} />
        ))}
      </ul>
    </>
  );
}

export function KpiCard({ kpi }: { kpi: Kpi }) {
  const labelId = useId();
  const formulaId = useId();
  const shortened = kpi.exactValue !== kpi.value;
  // Focusable so keyboard users get the formula too (shown on hover and focus; also its description).
  return (
    <li className="dashboard-kpi__item">
      <div className="dashboard-kpi" role="group" aria-labelledby={labelId} aria-describedby={formulaId} tabIndex={0} title={kpi.formula} data-kpi={kpi.key} data-group={kpi.group}>
        <span id={labelId} className="dashboard-kpi__label">
          {kpi.label}
        </span>
        <span className="dashboard-kpi__value" title={shortened ? kpi.exactValue : undefined}>
          {kpi.value}
        </span>
        {kpi.detail && (
          <span className="dashboard-kpi__detail" title={kpi.exactDetail && kpi.exactDetail !== kpi.detail ? kpi.exactDetail : undefined}>
            {kpi.detail}
          </span>
        )}
        <span id={formulaId} className="dashboard-kpi__formula" role="tooltip">
          {kpi.formula}
        </span>
      </div>
    </li>
  );
}
