// One thread of the page's simulation pool (workerPool.ts): takes tasks one at a time — a range of a
// run's users, or a run's report (see poolTask.ts) — and posts progress and the answer. The pool
// terminates it to cancel and lets it go when it has been idle a while.
import '../zodJitless'; // first: no `new Function` in zod (see zodJitless.ts)
import { runPoolTask, type PoolReply, type PoolTask, type PoolWorkerMemory } from './poolTask';

const post = (reply: PoolReply, transfer: Transferable[] = []) => self.postMessage(reply, { transfer });
let memory: PoolWorkerMemory | null = null;

self.onmessage = (event: MessageEvent<PoolTask>) => {
  memory = runPoolTask(event.data, post, memory);
};
