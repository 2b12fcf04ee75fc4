// The KPI cards: each figure with its 95 % interval and its formula, shown on hover and on focus. A row
// may carry a note (the attributed row: what "attributed" means next to "incremental"), which describes
// the whole list.
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
  // Focusable so keyboard users get the formula too (shown on hover and focus; also its description).
  return (
    <li className="dashboard-kpi" role="group" aria-labelledby={labelId} aria-describedby={formulaId} tabIndex={0} title={kpi.formula} data-kpi={kpi.key} data-group={kpi.group}>
      <span id={labelId} className="dashboard-kpi__label">
        {kpi.label}
      </span>
      <span className="dashboard-kpi__value">{kpi.value}</span>
      {kpi.detail && <span className="dashboard-kpi__detail">{kpi.detail}</span>}
      <span id={formulaId} className="dashboard-kpi__formula" role="tooltip">
        {kpi.formula}
      </span>
    </li>
  );
}
