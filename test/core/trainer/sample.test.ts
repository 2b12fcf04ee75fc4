import { runRange } from '../../../src/core/sim/engine/runRange';
import { checkSimulation } from '../../../src/core/sim/engine/simulate';
import { findUser, recordSample, recordSampleOf, sampleUsers } from '../../../src/core/trainer/sample';
import { SimulationError } from '../../../src/core/sim/engine/simulate';
import { churnWinBackInput, churnWinBackSample } from './support';

describe('the trace sample', () => {
  it('spreads evenly over the run and never exceeds the size asked for', () => {
    expect(sampleUsers(10, 4)).toEqual({ stride: 3, indexes: [0, 3, 6, 9] });
    expect(sampleUsers(100_000, 3_000).indexes.length).toBeLessThanOrEqual(3_000);
    expect(sampleUsers(5, 3_000)).toEqual({ stride: 1, indexes: [0, 1, 2, 3, 4] });
  });

  it('is the same for the same seed, and another seed tells other stories', () => {
    const a = recordSampleOf(churnWinBackInput(7, 20_000), 300);
    const b = recordSampleOf(churnWinBackInput(7, 20_000), 300);
    const c = recordSampleOf(churnWinBackInput(8, 20_000), 300);
    expect(a.users).toEqual(b.users);
    expect([...a.traces]).toEqual([...b.traces]);
    expect(JSON.stringify([...c.traces])).not.toEqual(JSON.stringify([...a.traces]));
  });

  it('records exactly the paths the full run takes for those users', () => {
    const checked = checkSimulation(churnWinBackInput(7, 20_000));
    if (!checked.ok) throw new Error('template does not check');
    const sample = recordSample(checked.checked, 200);
    const full = runRange(sample.model, 'fast', 0, 2_000, { trace: (user) => user % sample.stride === 0 });
    for (const user of sample.users.filter((user) => user < 2_000)) expect(sample.traces.get(user)).toEqual(full.traces.get(user));
  });

  it('finds users by what happened to them', () => {
    const sample = churnWinBackSample();
    const converted = findUser(sample, 'converted')!;
    expect(sample.traces.get(converted)!.some((entry) => entry.type === 'goal')).toBe(true);
    const churned = findUser(sample, 'churned')!;
    expect(sample.traces.get(churned)!.some((entry) => entry.type === 'churn')).toBe(true);
    const next = findUser(sample, 'converted', converted)!;
    expect(next).not.toBe(converted);
    expect(sample.traces.get(next)!.some((entry) => entry.type === 'goal')).toBe(true);
    const entered = findUser(sample, 'any')!;
    expect(sample.traces.get(entered)!.some((entry) => entry.type === 'enter')).toBe(true);
    expect(findUser({ users: [0], traces: new Map([[0, []]]) }, 'capProtected')).toBeNull();
  });

  it('refuses a run that does not check, with its problems', () => {
    expect(() => recordSampleOf({ ...churnWinBackInput(), users: 0 })).toThrow(SimulationError);
  });
});
