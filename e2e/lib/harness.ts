import fs from "node:fs";

/** One recorded outcome of the flow. */
export interface Outcome {
  name: string;
  ok: boolean;
  error?: string;
  ms: number;
}

/** Thrown by a hard step so the flow stops: what follows depends on it. */
class StepFailed extends Error {}

/**
 * A tiny sequential harness: `step` must pass for the flow to go on, `check` records a failure and
 * carries on (an accessibility finding on one page should not hide the findings on the next).
 */
export class Harness {
  readonly outcomes: Outcome[] = [];
  private skipped: string[] = [];
  /** Checks this run leaves to another (see `leavesOut`): not run, not counted, named at the end. */
  private leftOut: string[] = [];
  private stopped = false;
  /** Called after a failure, e.g. to keep a screenshot of what the browser showed. */
  onFailure: ((name: string) => Promise<void>) | null = null;

  /** `leavesOut` names the checks this run leaves to another run of the same build (accessibility scans). */
  constructor(
    private readonly label: string,
    private readonly leavesOut: (name: string) => boolean = () => false,
  ) {}

  /** A step the rest of the flow needs; on failure the flow stops. */
  async step(name: string, run: () => Promise<void>): Promise<void> {
    if (this.stopped) {
      this.skipped.push(name);
      return;
    }
    const ok = await this.record(name, run);
    if (!ok) {
      this.stopped = true;
      throw new StepFailed(name);
    }
  }

  /** A check whose failure is reported but does not stop the flow. */
  async check(name: string, run: () => Promise<void>): Promise<boolean> {
    if (this.stopped) {
      this.skipped.push(name);
      return false;
    }
    if (this.leavesOut(name)) {
      this.leftOut.push(name);
      return true;
    }
    return this.record(name, run);
  }

  /** Whether an error is the harness stopping the flow (already recorded). */
  isStop(error: unknown): boolean {
    return error instanceof StepFailed;
  }

  get passed(): number {
    return this.outcomes.filter((outcome) => outcome.ok).length;
  }

  get failed(): number {
    return this.outcomes.filter((outcome) => !outcome.ok).length;
  }

  /** Prints the skipped steps and writes the counts for the runner. */
  finish(resultFile: string | undefined) {
    if (this.leftOut.length > 0) {
      console.log(`  [${this.label}] left to the other run: ${this.leftOut.length} checks (${this.leftOut[0]}, …)`);
    }
    if (this.skipped.length > 0) {
      console.log(
        `  [${this.label}] not run after the failure: ${this.skipped.length} (${this.skipped.slice(0, 5).join("; ")}…)`,
      );
    }
    if (resultFile) {
      fs.writeFileSync(
        resultFile,
        JSON.stringify({
          passed: this.passed,
          failed: this.failed,
          skipped: this.skipped.length,
          // Named in the run's summary, so a CI log's last lines say what failed.
          failures: this.outcomes
            .filter((outcome) => !outcome.ok)
            .map((outcome) => ({ name: outcome.name, error: (outcome.error ?? "").slice(0, 400) })),
        }),
      );
    }
  }

  private async record(name: string, run: () => Promise<void>): Promise<boolean> {
    const started = Date.now();
    try {
      await run();
      const ms = Date.now() - started;
      this.outcomes.push({ name, ok: true, ms });
      console.log(`  ✓ [${this.label}] ${name} (${ms} ms)`);
      return true;
    } catch (error) {
      const ms = Date.now() - started;
      const message = error instanceof Error ? error.message : String(error);
      this.outcomes.push({ name, ok: false, error: message, ms });
      console.log(`  ✗ [${this.label}] ${name} (${ms} ms)\n      ${message.split("\n").slice(0, 12).join("\n      ")}`);
      await this.onFailure?.(name).catch(() => undefined);
      return false;
    }
  }
}
