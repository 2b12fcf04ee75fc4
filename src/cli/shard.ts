import type { Problem } from '../core/journey';
import { problemsOfFailure, type CheckedSimulation } from '../core/sim/engine';
import { MAX_SHARDS, partialDocument, shardRange, simulateShard, type Shard } from '../core/sim/partialFile';
import type { CliText, CliLanguage } from './i18n';
import { createProgress } from './progress';
import { EXIT, writeFileOrSay, type CliIo, type UsageError } from './commandIo';
import { createWorkerPool } from './workerPool';

/** `simulate --shard K/N --partial OUT`: one contiguous range of the run's users, written as a partial file (docs in partialFile.ts). */

/** `--shard K/N` read and checked against the other options; null without --shard. */
export function parseShard(
  values: { shard?: string; partial?: string; json?: boolean; trace?: string },
  text: CliText,
  usage: (message: string) => UsageError,
): Shard | null {
  if (values.shard === undefined && values.partial === undefined) return null;
  if (values.shard === undefined || values.partial === undefined) throw usage(text('simulate.shardNeedsPartial'));
  if (values.json || values.trace !== undefined) throw usage(text('simulate.shardWritesPartial'));
  const match = /^(\d+)\/(\d+)$/.exec(values.shard);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !(count >= 1 && count <= MAX_SHARDS && index < count)) throw usage(text('simulate.badShard', { value: values.shard, max: MAX_SHARDS }));
  return { index, count };
}

/** Runs the shard and writes its partial; the exit status. `report` prints problems the way simulate does. */
export async function writeShard(
  run: CheckedSimulation,
  shard: Shard,
  context: { workers: number; io: CliIo; lang: CliLanguage; text: CliText; partial: string; report: (heading: string, problems: Problem[]) => number },
): Promise<number> {
  const { io, text } = context;
  // A shard of no users would be an empty range: more shards than users is a mistake in the job.
  if (shard.count > run.users) return io.stderr(`${text('simulate.moreShardsThanUsers', { count: shard.count, users: run.users })}\n`), EXIT.problems;
  const pool = context.workers > 1 ? createWorkerPool(context.workers) : null;
  const [start, end] = shardRange(run.users, shard);
  const progress = createProgress(io, (end - start) * run.replications, text('simulate.progress'));
  let counters;
  try {
    counters = await simulateShard(run, shard, { workers: context.workers, ...(pool ? { runner: pool.runner } : {}), onProgress: (fraction) => progress.update(fraction) });
  } catch (error) {
    progress.done();
    return context.report(text('simulate.failed'), problemsOfFailure(error));
  } finally {
    progress.done();
    await pool?.close();
  }
  if (!writeFileOrSay(context.partial, `${JSON.stringify(partialDocument(run, shard, counters))}\n`, io, context.lang)) return EXIT.unwritable;
  io.stderr(`${text('wrote', { file: context.partial })}\n`);
  return EXIT.ok;
}
