// The KPI cards: each figure with its 95 % interval and its formula, shown on hover and on focus.
import { useId } from 'react';
import type { Kpi } from './kpis';

export function KpiCards({ kpis, label }: { kpis: Kpi[]; label: string }) {
  return (
    <ul className="dashboard-kpis" aria-label={label}>
      {kpis.map((kpi) => (
        <KpiCard key={kpi.key} kpi={kpi} />
      ))}
    </ul>
  );
}

export function KpiCard({ kpi }: { kpi: Kpi }) {
  const labelId = useId();
  const formulaId = useId();
  // Focusable so keyboard users get the formula too (shown on hover and focus; also its description).
  return (
    <li className="dashboard-kpi" role="group" aria-labelledby={labelId} aria-describedby={formulaId} tabIndex={0} title={kpi.formula} data-kpi={kpi.key}>
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
