// An edge leaving one output port: a bezier curve with the port's label at its middle. Selected edges
// are drawn in the accent colour and thicker; an edge with problems is drawn red (errors) or amber
// (warnings), and its problems are its tooltip (an SVG <title> on the path, a title on the label).
// With a weight from the host's overlay (canvas/overlay.ts; after a simulation, the times users took
// it), its width grows with the square root of its share of the heaviest edge, so thin flows stay
// visible; its label and tooltip add the weight, and a stale weight is dashed.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { JourneyFlowEdge } from '../types.ts';
import { worstSeverity } from '../nodes/describe.ts';
import { isLanguage, type Language } from '../../i18n/index.ts';
import '../canvas.css';
import { say } from '../../i18n/say';

export type PortEdgeProps = EdgeProps<JourneyFlowEdge>;

export const PortEdge = memo(function PortEdge({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  sourceHandleId,
  data,
  selected,
  markerEnd,
  markerStart,
  style,
  interactionWidth,
}: PortEdgeProps) {
  const { t, i18n } = useTranslation();
  // Edge data carries no language: messages follow the app's language.
  const lang: Language = isLanguage(i18n.language) ? i18n.language : 'en';
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const problems = data?.problems ?? [];
  const severity = worstSeverity(problems);
  const portLabel = data?.portLabel ?? '';
  const weight = data?.weight;
  const title = [
    ...problems.map((problem) => t('canvas.problemLine', { severity: t(`canvas.severity.${problem.severity}`), message: say(problem.message, lang) })),
    ...(weight ? [weight.title] : []),
  ].join('\n');
  const state = [
    selected ? 'port-edge--selected' : '',
    severity ? `port-edge--${severity}` : '',
    weight ? 'port-edge--flow' : '',
    weight?.stale ? 'port-edge--flow-stale' : '',
  ]
    .filter(Boolean)
    .join(' ');
  // The width set here wins over the stylesheet's, so a selected edge adds its own 2 px to the flow's.
  const pathStyle = weight ? { ...style, strokeWidth: MIN_FLOW_WIDTH + (MAX_FLOW_WIDTH - MIN_FLOW_WIDTH) * Math.sqrt(weight.share) + (selected ? 2 : 0) } : style;

  // The label is SVG text drawn with the edge (BaseEdge's label), not an HTML overlay: 400 HTML
  // labels each look up their portal container on every pan frame.
  const portText = severity ? `${severity === 'info' ? 'i' : '!'} ${portLabel}`.trim() : portLabel;
  const label = weight ? (portText ? t('flow.edgeLabel', { port: portText, count: weight.label }) : weight.label) : portText;
  return (
    <g className={`port-edge ${state}`.trim()} data-edge-id={id} data-port={sourceHandleId ?? undefined}>
      {title && <title>{title}</title>}
      <BaseEdge
        id={id}
        path={path}
        className={`port-edge__path ${state}`.trim()}
        markerEnd={markerEnd}
        markerStart={markerStart}
        style={pathStyle}
        interactionWidth={interactionWidth}
        label={label || undefined}
        labelX={labelX}
        labelY={labelY}
        labelShowBg
        labelBgPadding={labelPadding}
        labelBgBorderRadius={8}
        labelStyle={severity ? labelStyles[severity] : labelStyle}
        labelBgStyle={severity ? labelBgStyles[severity] : selected ? selectedLabelBgStyle : labelBgStyle}
      />
    </g>
  );
});

const MIN_FLOW_WIDTH = 1.5;
const MAX_FLOW_WIDTH = 10;
const labelPadding: [number, number] = [6, 3];
const labelStyle = { fontSize: 10, fill: '#4f5b6b' };
const labelBgStyle = { fill: '#ffffff', stroke: '#d9dde3' };
const selectedLabelBgStyle = { fill: '#eef3fd', stroke: '#2458c6' };
const labelStyles = { error: { fontSize: 10, fill: '#b42318', fontWeight: 600 }, warning: { fontSize: 10, fill: '#93370d', fontWeight: 600 }, info: { fontSize: 10, fill: '#1d4aa8' } };
const labelBgStyles = { error: { fill: '#fef3f2', stroke: '#f1b8b2' }, warning: { fill: '#fffaeb', stroke: '#fec84b' }, info: { fill: '#eef3fd', stroke: '#9db5e8' } };
