import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { harnessOptions } from '../../scripts/simShards';
import { K8S_PARTIAL_DIR, K8S_SHARD_INDEX, mergeArgs, shardArgs } from '../../src/cli/shardCommand';

interface Container {
  args: string[];
  volumeMounts: { name: string; mountPath: string }[];
}
interface JobManifest {
  apiVersion: string;
  kind: string;
  spec: { completionMode?: string; completions: number; parallelism?: number; template: { spec: { restartPolicy: string; containers: Container[]; volumes: { name: string; persistentVolumeClaim?: { claimName: string } }[] } } };
}

const manifest = <T>(name: string) => parse(readFileSync(new URL(`../../deploy/k8s/${name}`, import.meta.url), 'utf8')) as T;
const shardsJob = manifest<JobManifest>('shards-job.yaml');
const mergeJob = manifest<JobManifest>('merge-job.yaml');
const claim = manifest<{ kind: string; metadata: { name: string }; spec: { accessModes: string[] } }>('partials-volume.yaml');
const container = (job: JobManifest) => job.spec.template.spec.containers[0]!;
const claimOf = (job: JobManifest) => job.spec.template.spec.volumes.find((volume) => volume.name === container(job).volumeMounts.find((mount) => mount.mountPath === K8S_PARTIAL_DIR)?.name)?.persistentVolumeClaim?.claimName;

describe('deploy/k8s', () => {
  const shards = shardsJob.spec.completions;

  it('runs the shards as an Indexed Job, every shard at once, with completions the number of shards', () => {
    expect([shardsJob.apiVersion, shardsJob.kind, shardsJob.spec.completionMode]).toEqual(['batch/v1', 'Job', 'Indexed']);
    expect(shards).toBeGreaterThan(1);
    expect(shardsJob.spec.parallelism).toBe(shards);
    expect(shardsJob.spec.template.spec.restartPolicy).toBe('Never');
  });

  it('gives each pod the command line the local harness runs for its shard', () => {
    const args = container(shardsJob).args;
    const simulateArgs = args.slice(1, args.indexOf('--shard'));
    expect(args).toEqual(shardArgs(simulateArgs, K8S_SHARD_INDEX, shards, K8S_PARTIAL_DIR));
    // The harness, given the same run, builds these lines for shards 0 … N − 1 (only the index and directory differ).
    const harness = harnessOptions(['--shards', String(shards), ...simulateArgs]);
    expect(harness.simulateArgs).toEqual(simulateArgs);
    expect(shardArgs(harness.simulateArgs, 2, harness.shards, K8S_PARTIAL_DIR)).toEqual(args.map((arg) => arg.replaceAll(K8S_SHARD_INDEX, '2')));
  });

  it('merges exactly the partials of every shard, from the same shared volume', () => {
    const args = container(mergeJob).args;
    expect(args.slice(0, shards + 1)).toEqual(mergeArgs(shards, K8S_PARTIAL_DIR));
    expect(args).toEqual(mergeArgs(shards, K8S_PARTIAL_DIR, args.slice(shards + 1)));
    expect(claim.kind).toBe('PersistentVolumeClaim');
    expect(claim.spec.accessModes).toContain('ReadWriteMany');
    expect(claimOf(shardsJob)).toBe(claim.metadata.name);
    expect(claimOf(mergeJob)).toBe(claim.metadata.name);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8');
  it('is Node LTS slim with production dependencies only, run as a non-root user', () => {
    expect(dockerfile).toMatch(/^FROM node:20-slim$/m);
    expect(dockerfile).toMatch(/^RUN npm ci --omit=dev\b/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^ENTRYPOINT \["journey-lab"\]$/m);
  });
});
