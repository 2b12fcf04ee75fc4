// Flow through the journey as a Sankey diagram: how many times users took each connection, from the
// flow the simulation store worked out for the run and the journey it ran (so nothing
// shows around a dashboard without one). Loops back cannot be drawn in a Sankey diagram: they are
// listed under it, and kept in the table. Step names are as wide as the gap between columns allows
// (flowLayout.ts), on up to three lines, so they do not run into the next column.
import { useCallback, useContext, useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import type { Language } from '../../i18n/index.ts';
import type { JourneyDocument } from '../../../core/journey';
import type { EdgeFlow, JourneyFlow } from '../../../core/sim/analysis';
import { describeNode } from '../../canvas/nodes/describe';
import { SimulationStoreContext } from '../SimulationStoreContext';
import { useSimulationFlow } from '../useSimulationFlow';
import { formatCount } from '../format';
import { ChartWithData, baseOption } from './sections';
import { useLang } from '../../i18n/useLang';
import { sankeyColumns, sankeyLayout } from './flowLayout';

const never = () => () => {};

/** The journey the shown run simulated (null without a simulation store). */
function useSimulatedJourney(): JourneyDocument | null {
  const store = useContext(SimulationStoreContext);
  return useSyncExternalStore(
    store ? store.subscribe : never,
    useCallback(() => store?.getState().run?.journey ?? null, [store]),
  );
}

interface Named {
  step: (id: string) => string;
  port: (edge: EdgeFlow) => string;
}

function namesOf(journey: JourneyDocument, lang: Language): Named {
  const views = new Map(journey.nodes.map((node) => [node.id, describeNode(node, lang)]));
  return {
    step: (id) => views.get(id)?.title ?? id,
    port: (edge) => views.get(edge.source)?.ports.find((port) => port.id === edge.sourcePort)?.label ?? edge.sourcePort,
  };
}

interface SankeyParams {
  dataType?: string;
  name?: string;
  value?: number;
  data?: { source?: string; target?: string };
}

export function FlowSection() {
  // The store works the flow out once per run (the canvas's edge widths read it too).
  const journey = useSimulatedJourney();
  const { flow } = useSimulationFlow();
  if (!journey || !flow) return null;
  return <FlowChart journey={journey} flow={flow} />;
}

function FlowChart({ journey, flow }: { journey: JourneyDocument; flow: JourneyFlow }) {
  const lang = useLang();
  const { t } = useTranslation();
  const names = useMemo(() => namesOf(journey, lang), [journey, lang]);
  const count = (value: number) => formatCount(value, lang);
  const layout = useMemo(() => sankeyLayout(sankeyColumns(flow.sankey.nodes, flow.sankey.links)), [flow]);
  const option = useMemo<EChartsCoreOption>(() => {
    const tooltip = (params: SankeyParams) =>
      params.dataType === 'edge' && params.data?.source && params.data.target
        ? t('flow.tooltipLink', { from: names.step(params.data.source), to: names.step(params.data.target), count: formatCount(params.value ?? 0, lang) })
        : `${names.step(params.name ?? '')}: ${formatCount(params.value ?? 0, lang)}`;
    return {
      ...baseOption,
      tooltip: { trigger: 'item', formatter: tooltip },
      series: [
        {
          type: 'sankey',
          left: layout.left,
          right: layout.right,
          top: 8,
          bottom: 8,
          nodeAlign: 'left',
          emphasis: { focus: 'adjacency' },
          // Nodes are named by id (labels may repeat) and labelled by their step's name.
          data: flow.sankey.nodes.map((node) => ({ name: node.id })),
          links: flow.sankey.links.map((link) => ({ source: link.source, target: link.target, value: link.value })),
          nodeGap: 16,
          // Names fit the gap to the next column: broken onto up to three lines, then cut; any
          // that would still overlap another are hidden (the tooltip and the table give every name in full).
          label: { formatter: ({ name }: { name: string }) => names.step(name), fontSize: 11, lineHeight: 13, width: layout.labelWidth, height: 39, overflow: 'break', lineOverflow: 'truncate' },
          labelLayout: { hideOverlap: true },
          lineStyle: { color: 'gradient', curveness: 0.5, opacity: 0.35 },
        },
      ],
    };
  }, [flow, names, layout, lang, t]);

  const taken = flow.edges.filter((edge) => edge.count > 0);
  const loops = new Set(flow.loops.map((loop) => loop.edgeId));
  return (
    <ChartWithData
      title={t('flow.title')}
      option={option}
      wide
      height={Math.min(960, Math.max(320, flow.sankey.nodes.length * 36))}
      minWidth={layout.minWidth}
      empty={taken.length === 0 ? t('flow.empty') : undefined}
      table={
        <table className="dashboard-table">
          <caption>{t('flow.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('flow.from')}</th>
              <th scope="col">{t('flow.to')}</th>
              <th scope="col">{t('flow.count')}</th>
            </tr>
          </thead>
          <tbody>
            {taken.map((edge) => (
              <tr key={edge.edgeId}>
                <th scope="row">{t('flow.endpoint', { step: names.step(edge.source), port: names.port(edge) })}</th>
                <td>{loops.has(edge.edgeId) ? t('flow.loopRow', { step: names.step(edge.target) }) : names.step(edge.target)}</td>
                <td>{count(edge.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {flow.loops.length > 0 && (
        <div className="dashboard-section__loops">
          <p>{t('flow.loopsTitle')}</p>
          <ul>
            {flow.loops.map((loop) => (
              <li key={loop.edgeId}>{t('flow.loopItem', { from: t('flow.endpoint', { step: names.step(loop.source), port: names.port(loop) }), to: names.step(loop.target), count: count(loop.count) })}</li>
            ))}
          </ul>
        </div>
      )}
    </ChartWithData>
  );
}
