/** What `waitForReady` needs of the server process: whether it has exited (a ChildProcess fits). */
export type WatchedProcess = { readonly exitCode: number | null };

/**
 * Polls `url` until it answers 2xx. Gives up only when the process exits or `signal` aborts — pass the test's own
 * `signal`, so the wait honours the test's time limit however slow a busy machine makes the start.
 */
export async function waitForReady(
  url: string,
  child: WatchedProcess,
  signal: AbortSignal,
  intervalMs = 100,
): Promise<void> {
  while (!signal.aborted) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before ${url} was ready`);
    try {
      // Each probe is bounded too: a server that accepted the connection but hangs must not hold the loop.
      const response = await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(5_000)]) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // not listening yet, or the probe timed out
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${url} was not ready within the test's time limit`);
}
