// One fitting job at a time: started with a request, its progress and outcome as state, cancelled on
// demand or when the screen goes away.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FitRunner } from './fitRunner';
import type { FitOutcome, FitProgress, FitRequest } from './protocol';

export type FitJobState = { kind: 'idle' } | { kind: 'running'; progress: FitProgress | null } | { kind: 'done'; outcome: FitOutcome };

/** `onDone` is called when a result arrives (after the state says so). */
export function useFitJob(runner: FitRunner, onDone: () => void = () => {}) {
  const [state, setState] = useState<FitJobState>({ kind: 'idle' });
  const job = useRef<{ cancel(): void } | null>(null);
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  });
  const stop = useCallback(() => {
    job.current?.cancel();
    job.current = null;
  }, []);
  useEffect(() => stop, [stop]);
  const start = useCallback(
    (request: FitRequest) => {
      stop();
      setState({ kind: 'running', progress: null });
      const started = runner(request, (received) => {
        if (job.current !== started) return;
        if (received.type === 'progress') setState({ kind: 'running', progress: received });
        else {
          job.current = null;
          setState({ kind: 'done', outcome: received });
          done.current();
        }
      });
      job.current = started;
    },
    [runner, stop],
  );
  const cancel = useCallback(() => {
    stop();
    setState({ kind: 'idle' });
  }, [stop]);
  return { state, start, cancel };
}
