/**
 * The command lines of a sharded run, in one place: the local harness (scripts/simShards.ts) runs
 * them as processes and the Kubernetes Indexed Job (deploy/k8s/) as pods, and a test holds the
 * manifests to these very lines.
 */

/** Where the Kubernetes Job's pods write their partials (the shared volume's mount path). */
export const K8S_PARTIAL_DIR = '/partials';
/** A pod's shard index as the Indexed Job gives it: Kubernetes expands $(VAR) in a container's args. */
export const K8S_SHARD_INDEX = '$(JOB_COMPLETION_INDEX)';

/** The partial file shard `index` writes into `directory`. */
export const partialPath = (directory: string, index: number | string): string => `${directory}/shard-${index}.json`;

/** `journey-lab` arguments of shard `index` of `count`: the simulate arguments of the run, then the shard's. */
export const shardArgs = (simulateArgs: readonly string[], index: number | string, count: number, directory: string): string[] => [
  'simulate',
  ...simulateArgs,
  '--shard',
  `${index}/${count}`,
  '--partial',
  partialPath(directory, index),
];

/** `journey-lab` arguments that merge the `count` partials of `directory` (then `extra`: --json, --out …). */
export const mergeArgs = (count: number, directory: string, extra: readonly string[] = []): string[] => [
  'merge',
  ...Array.from({ length: count }, (_, index) => partialPath(directory, index)),
  ...extra,
];
