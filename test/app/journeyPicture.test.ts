// The printed report's journey picture: SVG markup built from the document alone.
import { journeyPictureSvg, labelLines, PICTURE_NODE, svgDataUrl, type PictureJourney } from '../../src/app/simulate/dashboard/journeyPicture';

const kindName = (kind: string) => ({ entry: 'Entry', message: 'Message', goal: 'Goal' })[kind] ?? kind;

const journey: PictureJourney = {
  name: 'Welcome & <win-back>',
  nodes: [
    { id: 'start', kind: 'entry', stage: 'awareness', position: { x: 160, y: 20 }, label: 'Sign-up', params: {} },
    { id: 'hello', kind: 'message', stage: 'exploration', position: { x: 460, y: 220 }, label: '', params: {} },
    { id: 'buy', kind: 'goal', stage: 'decision', position: { x: 760, y: 420 }, label: 'A "very" long label that will not fit in the box', params: {} },
  ],
  edges: [
    { id: 'e1', source: 'start', sourcePort: 'next', target: 'hello' },
    { id: 'e2', source: 'hello', sourcePort: 'next', target: 'buy' },
    { id: 'dangling', source: 'hello', sourcePort: 'next', target: 'gone' },
  ],
};

const parse = (svg: string) => new DOMParser().parseFromString(svg, 'image/svg+xml');

describe('journeyPictureSvg', () => {
  it('draws each node as a labelled box at its position, shifted into the margin', () => {
    const { svg, width, height } = journeyPictureSvg(journey, 'en', kindName);
    const document = parse(svg);
    expect(document.querySelector('parsererror')).toBeNull();
    const root = document.documentElement;
    expect(root.getAttribute('viewBox')).toBe(`0 0 ${width} ${height}`);
    expect(root.querySelector('title')?.textContent).toBe('Welcome & <win-back>');

    const boxes = [...root.querySelectorAll('g.node')];
    expect(boxes.map((box) => box.getAttribute('data-node'))).toEqual(['start', 'hello', 'buy']);
    const [start, hello] = boxes.map((box) => box.querySelector('rect')!);
    // Relative positions are the canvas's own.
    expect(Number(hello!.getAttribute('x')) - Number(start!.getAttribute('x'))).toBe(300);
    expect(Number(hello!.getAttribute('y')) - Number(start!.getAttribute('y'))).toBe(200);
    expect(start!.getAttribute('width')).toBe(String(PICTURE_NODE.width));
    // The picture holds every box and every lane used (awareness to decision: three lanes of 200).
    expect(width).toBeGreaterThanOrEqual(760 + PICTURE_NODE.width);
    expect(height).toBeGreaterThanOrEqual(600);
    expect([...root.querySelectorAll('g.lane')].map((lane) => lane.getAttribute('data-stage'))).toEqual(['awareness', 'exploration', 'decision']);
    expect(root.querySelector('g.lane text')?.textContent).toBe('Awareness');
  });

  it('labels nodes (the kind when there is no label) in up to two lines, escaping text', () => {
    const root = parse(journeyPictureSvg(journey, 'en', kindName).svg).documentElement;
    const texts = (id: string) => [...root.querySelectorAll(`g.node[data-node="${id}"] text`)].map((text) => text.textContent);
    expect(texts('start')).toEqual(['Sign-up', 'Entry']);
    expect(texts('hello')).toEqual(['Message', 'Message']);
    expect(texts('buy')).toEqual(['A "very" long label', 'that will not fit in…', 'Goal']);
  });

  it('breaks labels at spaces, ideographs counting double, and ends a cut label with "…"', () => {
    expect(labelLines('Short')).toEqual(['Short']);
    expect(labelLines('Ladder 1: 10 off 79 for lapsed buyers')).toEqual(['Ladder 1: 10 off 79', 'for lapsed buyers']);
    expect(labelLines('阶梯一满七十九减十元适用于流失用户的召回')).toEqual(['阶梯一满七十九减十元', '适用于流失用户的召回']);
    const cut = labelLines('阶梯一满七十九减十元适用于流失用户的召回优惠券');
    expect(cut).toHaveLength(2);
    expect(cut[1]!.endsWith('…')).toBe(true);
    expect(labelLines('abcdefghijklmnopqrstuvwxyz')).toEqual(['abcdefghijklmnopqrstu', 'vwxyz']);
  });

  it('draws an arrow per edge whose ends exist, from the right side of the source to the left side of the target', () => {
    const root = parse(journeyPictureSvg(journey, 'en', kindName).svg).documentElement;
    const edges = [...root.querySelectorAll('path.edge')];
    expect(edges).toHaveLength(2);
    const start = root.querySelector('g.node[data-node="start"] rect')!;
    const hello = root.querySelector('g.node[data-node="hello"] rect')!;
    const [from, to] = [edges[0]!.getAttribute('d')!.match(/^M([\d.]+),([\d.]+)/)!, edges[0]!.getAttribute('d')!.match(/ ([\d.]+),([\d.]+)$/)!];
    expect(Number(from[1])).toBe(Number(start.getAttribute('x')) + PICTURE_NODE.width);
    expect(Number(from[2])).toBe(Number(start.getAttribute('y')) + PICTURE_NODE.height / 2);
    expect(Number(to[1])).toBe(Number(hello.getAttribute('x')));
    expect(edges[0]!.getAttribute('marker-end')).toBe('url(#arrow)');
  });

  it('names the lanes in the language asked for, and is deterministic', () => {
    const zh = journeyPictureSvg(journey, 'zh-CN', kindName).svg;
    expect(parse(zh).documentElement.querySelector('g.lane text')?.textContent).toBe('意识');
    expect(journeyPictureSvg(journey, 'zh-CN', kindName).svg).toBe(zh);
  });

  it('draws an empty journey as one blank lane, and makes a data URL an image can show', () => {
    const { svg, width, height } = journeyPictureSvg({ name: 'Empty', nodes: [], edges: [] }, 'en', kindName);
    expect(parse(svg).querySelectorAll('g.lane')).toHaveLength(1);
    expect(width).toBeGreaterThan(0);
    expect(height).toBeGreaterThan(200);
    const url = svgDataUrl(svg);
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(svg);
  });
});
