// A static picture of a journey for the printed report, drawn from the document alone: the stage lanes,
// each node as a labelled box at its canvas position, each edge as an arrow from the source's right side
// to the target's left side (where the canvas puts their handles). It needs no React Flow instance and
// no screenshot of the DOM, so it prints the same whatever the canvas shows. Pure: a string out.
import { stageColours } from '../../stageColours';
import type { Language } from '../../i18n/index.ts';
import { LANE_HEIGHT, laneTop } from '../../../core/journey';
import type { JourneyDocument } from '../../../core/journey';
import { stageNames, stages } from '../../../core/journey';
import { say } from '../../i18n/say';

/** The box drawn for a node: the canvas's node width, tall enough for two lines of label and the kind. */
export const PICTURE_NODE = { width: 220, height: 76 } as const;
const MARGIN = 24;
const LANE_LABEL_WIDTH = 120;
// Text is larger than on the canvas: a wide journey is scaled down to the page's width.
const LINE_UNITS = 21;
const LABEL_SIZE = 16;


export type PictureJourney = Pick<JourneyDocument, 'name' | 'nodes' | 'edges'>;

const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (character) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[character]!);

// Ideographs take about two Latin letters' width.
const units = (character: string): number => (/[\u2e80-\uffff]/.test(character) ? 2 : 1);

/** The label in at most two lines of LINE_UNITS, broken at spaces where there are some, the rest as "…". */
export function labelLines(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const character of text) {
    if (width + units(character) > LINE_UNITS) {
      const space = line.lastIndexOf(' ');
      const head = space > 0 ? line.slice(0, space) : line;
      lines.push(head);
      line = space > 0 ? line.slice(space + 1) : '';
      width = [...line].reduce((sum, each) => sum + units(each), 0);
    }
    line += character;
    width += units(character);
  }
  if (line) lines.push(line);
  if (lines.length <= 2) return lines;
  const second = [...lines[1]!];
  while (second.reduce((sum, each) => sum + units(each), 0) > LINE_UNITS - 1) second.pop();
  return [lines[0]!, `${second.join('').trimEnd()}…`];
}

const round = (value: number): number => Math.round(value * 10) / 10;

export interface JourneyPicture {
  svg: string;
  width: number;
  height: number;
}

/**
 * The journey as SVG markup. `kindName` names a node's kind (shown under its label, and as the label
 * when it has none). Coordinates are the canvas's, shifted so the picture starts at its margin.
 */
export function journeyPictureSvg(journey: PictureJourney, lang: Language, kindName: (kind: string) => string): JourneyPicture {
  const xs = journey.nodes.map((node) => node.position.x);
  // The lanes' names sit left of the first column (FIRST_COLUMN_X), as on the canvas.
  // Folds, not Math.min(...xs): a journey may have more nodes than a call takes arguments.
  const minX = xs.reduce((least, x) => Math.min(least, x), 0);
  const maxX = xs.reduce((most, x) => Math.max(most, x + PICTURE_NODE.width), LANE_LABEL_WIDTH);
  const usedLanes = journey.nodes.length === 0 ? [0] : journey.nodes.map((node) => stages.indexOf(node.stage));
  const firstLane = usedLanes.reduce((least, lane) => Math.min(least, lane), Infinity);
  const lastLane = usedLanes.reduce((most, lane) => Math.max(most, lane), -Infinity);
  const ys = journey.nodes.map((node) => node.position.y);
  const minY = ys.reduce((least, y) => Math.min(least, y), laneTop(stages[firstLane]!));
  const maxY = ys.reduce((most, y) => Math.max(most, y + PICTURE_NODE.height), laneTop(stages[lastLane]!) + LANE_HEIGHT);
  const dx = MARGIN - minX;
  const dy = MARGIN - minY;
  const width = Math.ceil(maxX - minX + 2 * MARGIN);
  const height = Math.ceil(maxY - minY + 2 * MARGIN);

  const lanes = stages
    .filter((_, index) => index >= firstLane && index <= lastLane)
    .map((stage) => {
      const y = round(laneTop(stage) + dy);
      return (
        `<g class="lane" data-stage="${stage}"><rect x="${MARGIN / 2}" y="${y}" width="${width - MARGIN}" height="${LANE_HEIGHT}" fill="${stageColours[stage]}" fill-opacity="0.05" stroke="#d5dae2"/>` +
        `<text x="${MARGIN}" y="${y + 20}" font-size="16" font-weight="600" fill="${stageColours[stage]}">${escapeXml(say(stageNames[stage], lang))}</text></g>`
      );
    });

  const byId = new Map(journey.nodes.map((node) => [node.id, node]));
  const edges = journey.edges.flatMap((edge) => {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) return [];
    const x1 = round(source.position.x + dx + PICTURE_NODE.width);
    const y1 = round(source.position.y + dy + PICTURE_NODE.height / 2);
    const x2 = round(target.position.x + dx);
    const y2 = round(target.position.y + dy + PICTURE_NODE.height / 2);
    const bend = Math.max(40, Math.abs(x2 - x1) / 2);
    return [`<path class="edge" d="M${x1},${y1} C${round(x1 + bend)},${y1} ${round(x2 - bend)},${y2} ${x2},${y2}" fill="none" stroke="#8a94a3" stroke-width="1.5" marker-end="url(#arrow)"/>`];
  });

  const nodes = journey.nodes.map((node) => {
    const x = round(node.position.x + dx);
    const y = round(node.position.y + dy);
    const kind = kindName(node.kind);
    const lines = labelLines(node.label.trim() || kind);
    return (
      `<g class="node" data-node="${escapeXml(node.id)}"><rect x="${x}" y="${y}" width="${PICTURE_NODE.width}" height="${PICTURE_NODE.height}" rx="8" fill="#fff" stroke="#cfd5de"/>` +
      `<rect x="${x}" y="${y}" width="5" height="${PICTURE_NODE.height}" rx="2" fill="${stageColours[node.stage]}"/>` +
      lines.map((line, index) => `<text x="${x + 14}" y="${y + 22 + index * 20}" font-size="${LABEL_SIZE}" font-weight="600" fill="#1c2430">${escapeXml(line)}</text>`).join('') +
      `<text x="${x + 14}" y="${y + PICTURE_NODE.height - 10}" font-size="13" fill="#4f5b6b">${escapeXml(kind)}</text></g>`
    );
  });

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif">` +
    `<title>${escapeXml(journey.name)}</title>` +
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#8a94a3"/></marker></defs>` +
    `<rect width="${width}" height="${height}" fill="#fff"/>` +
    lanes.join('') +
    edges.join('') +
    nodes.join('') +
    `</svg>`;
  return { svg, width, height };
}

/** The markup as a data URL an <img> can show (and print). */
export const svgDataUrl = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
