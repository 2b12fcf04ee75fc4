// An edge leaving one output port: a bezier curve with the port's label at its middle. Selected edges
// are drawn in the accent colour and thicker; an edge with problems is drawn red (errors) or amber
// (warnings), and its problems are its tooltip (an SVG <title> on the path, a title on the label).
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { JourneyFlowEdge } from '../types.ts';
import { worstSeverity } from '../nodes/describe.ts';
import { isLang, type Lang } from '../../../core/i18n.ts';
import '../canvas.css';

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
  const lang: Lang = isLang(i18n.language) ? i18n.language : 'en';
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const problems = data?.problems ?? [];
  const severity = worstSeverity(problems);
  const portLabel = data?.portLabel ?? '';
  const title = problems
    .map((problem) => t('canvas.problemLine', { severity: t(`canvas.severity.${problem.severity}`), message: problem.message[lang] }))
    .join('\n');
  const state = [selected ? 'port-edge--selected' : '', severity ? `port-edge--${severity}` : ''].filter(Boolean).join(' ');

  return (
    <>
      {title && <title>{title}</title>}
      <BaseEdge
        id={id}
        path={path}
        className={`port-edge__path ${state}`.trim()}
        markerEnd={markerEnd}
        markerStart={markerStart}
        style={style}
        interactionWidth={interactionWidth}
      />
      {(portLabel || severity) && (
        <EdgeLabelRenderer>
          <div
            className={`port-edge__label nodrag nopan ${state}`.trim()}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-edge-id={id}
            data-port={sourceHandleId ?? undefined}
            title={title || undefined}
          >
            {severity && (
              <span className="port-edge__glyph" aria-hidden="true">
                {severity === 'info' ? 'i' : '!'}
              </span>
            )}
            {portLabel}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
