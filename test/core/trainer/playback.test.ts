import { stages } from '../../../src/core/journey/stages';
import type { TraceEntry } from '../../../src/core/sim/engine/trace';
import { AT_NODE, buildTimeline, createPlayback, LEFT, MOVING, NOT_ENTERED, stagePopulationSeries, timelineOf } from '../../../src/core/trainer/playback';
import { churnWinBackSample } from './support';

const HOUR = 3_600_000;

/** Where a trace says the user is at `time`: the last node entered by then, or out after an exit. */
function expectedAt(trace: TraceEntry[], time: number): { state: number; node: string | null } {
  let state = NOT_ENTERED;
  let node: string | null = null;
  for (const entry of trace) {
    if (entry.at > time) break;
    if (entry.type === 'enter') {
      state = AT_NODE;
      node = entry.node;
    } else if (entry.type === 'exit') state = LEFT;
  }
  return { state, node };
}

describe('playback', () => {
  const sample = churnWinBackSample();
  const timeline = timelineOf(sample);
  const journey = sample.model.journey;

  it('puts every sampled user where their trace says, at any moment, playing or scrubbing', () => {
    const playback = createPlayback(timeline);
    const times = [0, 5 * HOUR, 10 * 24 * HOUR, 40 * 24 * HOUR + 7, 20 * 24 * HOUR, 89 * 24 * HOUR, 3 * 24 * HOUR];
    for (const time of times) {
      const frame = playback.frameAt(time, 0);
      timeline.users.forEach((user, position) => {
        const expected = expectedAt(sample.traces.get(user)!, time);
        expect(frame.state[position]).toBe(expected.state);
        if (expected.node !== null) expect(timeline.nodeIds[frame.node[position]!]).toBe(expected.node);
      });
    }
  });

  it('moves a user along the edge of the port they took, one hop after another at one instant', () => {
    const user = sample.users.find((candidate) => sample.traces.get(candidate)!.some((entry) => entry.type === 'port' && entry.node === 'whyLeft'))!;
    const trace = sample.traces.get(user)!;
    const port = trace.find((entry): entry is Extract<TraceEntry, { type: 'port' }> => entry.type === 'port' && entry.node === 'whyLeft')!;
    const edge = journey.edges.findIndex((candidate) => candidate.source === 'whyLeft' && candidate.sourcePort === port.port);
    const position = timeline.users.indexOf(user);
    const playback = createPlayback(timeline);
    // Entering the journey takes the trigger, the split, the branch and the branch's case at one instant.
    const hops = trace.filter((entry) => entry.type === 'enter' && entry.at === port.at).length;
    const moveMs = HOUR;
    let seen = false;
    for (let step = 0; step < 100; step++) {
      const frame = playback.frameAt(port.at + (step * moveMs) / 100, moveMs);
      if (frame.state[position] === MOVING && frame.edge[position] === edge) {
        seen = true;
        expect(timeline.nodeIds[frame.from[position]!]).toBe('whyLeft');
        expect(timeline.nodeIds[frame.node[position]!]).toBe(journey.edges[edge]!.target);
        expect(frame.progress[position]).toBeGreaterThanOrEqual(0);
        expect(frame.progress[position]).toBeLessThan(1);
      }
    }
    expect(hops).toBeGreaterThan(2);
    expect(seen).toBe(true);
    expect(playback.frameAt(port.at + moveMs, moveMs).state[position]).not.toBe(MOVING);
  });

  it('counts populations and entries from the sample, scaled to the full run', () => {
    const playback = createPlayback(timeline);
    const time = 30 * 24 * HOUR;
    const frame = playback.frameAt(time, 0);
    let here = 0;
    for (let position = 0; position < timeline.users.length; position++) if (frame.state[position] === AT_NODE) here++;
    const stageTotal = frame.stagePopulation.reduce((sum, value) => sum + value, 0);
    const nodeTotal = frame.nodePopulation.reduce((sum, value) => sum + value, 0);
    expect(timeline.scale).toBe(sample.model.users / sample.users.length);
    expect(stageTotal).toBeCloseTo(here * timeline.scale);
    expect(nodeTotal).toBeCloseTo(here * timeline.scale);
    let entries = 0;
    for (const trace of sample.traces.values()) entries += trace.filter((entry) => entry.type === 'enter' && entry.at <= time).length;
    expect(frame.nodeEntries.reduce((sum, value) => sum + value, 0)).toBeCloseTo(entries * timeline.scale);
    // Scrubbing back to launch undoes the entries counted.
    expect(playback.frameAt(0, 0).nodeEntries.reduce((sum, value) => sum + value, 0)).toBe(0);
  });

  it('draws the lifecycle strip from the same frames', () => {
    const series = stagePopulationSeries(timeline, 10);
    expect(series).toHaveLength(stages.length);
    const frame = createPlayback(timeline).frameAt(timeline.horizonMs - 1, 0);
    series.forEach((row, stage) => expect(row[9]).toBeCloseTo(frame.stagePopulation[stage]!));
  });

  it('plays 3,000 users for 600 frames with the same buffers and the same answers as a fresh playback', () => {
    const users = Array.from({ length: 3_000 }, (_, index) => sample.users[index % sample.users.length]!);
    const big = buildTimeline(journey, sample.traces, users, 3_000, sample.model.horizonMs);
    const playback = createPlayback(big);
    const first = playback.frameAt(0, HOUR);
    const started = performance.now();
    for (let frame = 0; frame < 600; frame++) expect(playback.frameAt(frame * 3 * HOUR, 6 * HOUR)).toBe(first);
    const perFrameMs = (performance.now() - started) / 600;
    const fresh = createPlayback(big).frameAt(599 * 3 * HOUR, 6 * HOUR);
    expect([...first.node]).toEqual([...fresh.node]);
    expect([...first.progress]).toEqual([...fresh.progress]);
    // Printed for the record, not asserted: timing depends on the machine.
    console.info(`playback: ${perFrameMs.toFixed(3)} ms per frame for 3,000 users`);
  });
});
