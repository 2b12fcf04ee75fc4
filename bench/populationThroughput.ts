// The third target of the import benchmark (issue 16): a population of real customers simulates at
// ≥ 80 % of the throughput of the same cohort's synthetic users. A population of N customers is made
// here from the cohort's own priors (segment by share, λ ~ Gamma(r, α), p ~ Beta(a, b), ν ~ Gamma(q, γ),
// RFM scores uniform, everyone active), so both runs simulate alike-behaving users and the ratio
// measures only what reading users from a population costs. Both run the churn win-back template in
// one thread, alternately, and the fastest of each is kept.
import { getPreset } from '../src/core/cohort';
import { checkSimulation, simulateChecked, type SimulationPopulation } from '../src/core/sim/engine';
import { getTemplate, instantiateTemplate } from '../src/core/templates';
import { seededUniforms } from './benchCli';

/** Gamma(shape, 1) by Marsaglia and Tsang (2000), with the shape < 1 boost. */
function gamma(shape: number, u: () => number): number {
  if (shape < 1) return gamma(shape + 1, u) * u() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
    const v = (1 + c * z) ** 3;
    if (v > 0 && Math.log(u()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

export function populationFromPriors(customers: number, seed: number): SimulationPopulation {
  const spec = getPreset('ecommerce')!.spec;
  const shares = spec.segments.map((segment) => segment.share);
  const total = shares.reduce((sum, share) => sum + share, 0);
  const u = seededUniforms(seed, true); // in (0, 1): logarithms below
  const population: SimulationPopulation = {
    size: customers,
    segment: new Uint16Array(customers),
    recency: new Uint8Array(customers),
    frequency: new Uint8Array(customers),
    monetary: new Uint8Array(customers),
    alive: new Uint8Array(customers).fill(1),
    lambdaPerDay: new Float64Array(customers),
    dropout: new Float64Array(customers),
    spendRate: new Float64Array(customers),
  };
  for (let i = 0; i < customers; i++) {
    let pick = u() * total;
    let segment = 0;
    while (segment < shares.length - 1 && pick >= shares[segment]!) pick -= shares[segment++]!;
    population.segment[i] = segment;
    const { purchase, orderValue } = spec.segments[segment]!.behaviour;
    population.lambdaPerDay[i] = gamma(purchase.r, u) / purchase.alpha;
    const x = gamma(purchase.a, u);
    population.dropout[i] = x / (x + gamma(purchase.b, u));
    population.spendRate[i] = gamma(orderValue.q, u) / orderValue.gamma;
    population.recency[i] = 1 + Math.floor(u() * 5);
    population.frequency[i] = 1 + Math.floor(u() * 5);
    population.monetary[i] = 1 + Math.floor(u() * 5);
  }
  return population;
}

export interface PopulationThroughput {
  customers: number;
  syntheticSeconds: number;
  populationSeconds: number;
  /** Population users per second ÷ synthetic users per second. */
  ratio: number;
}

export async function measurePopulationThroughput(customers: number, runs: number, now: () => number = () => performance.now()): Promise<PopulationThroughput> {
  const journey = instantiateTemplate(getTemplate('churn-win-back')!, 'en');
  const cohort = getPreset('ecommerce')!.spec;
  const population = populationFromPriors(customers, 7);
  const synthetic = checkSimulation({ journey, cohort, users: customers, seed: 1 });
  const real = checkSimulation({ journey, cohort, population, seed: 1 });
  if (!synthetic.ok || !real.ok) throw new Error('the population benchmark run was refused');
  const time = async (checked: typeof synthetic.checked) => {
    const start = now();
    await simulateChecked(checked);
    return (now() - start) / 1000;
  };
  let syntheticSeconds = Infinity;
  let populationSeconds = Infinity;
  for (let run = 0; run < runs; run++) {
    syntheticSeconds = Math.min(syntheticSeconds, await time(synthetic.checked));
    populationSeconds = Math.min(populationSeconds, await time(real.checked));
  }
  return { customers, syntheticSeconds, populationSeconds, ratio: syntheticSeconds / populationSeconds };
}
