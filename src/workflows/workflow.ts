/**
 * A workflow is a list of named steps over one state object, run in order. When a step fails, the steps already
 * done are compensated in reverse order (those that have a compensation), then the error goes on with the failed
 * step's name. Steps inside one database transaction need no compensation: the rollback is theirs.
 */
export interface Step<S> {
  name: string;
  run(state: S): Promise<void>;
  compensate?(state: S): Promise<void>;
}

export class StepFailed extends Error {
  constructor(readonly workflow: string, readonly step: string, readonly original: unknown) {
    super(`${workflow} failed at ${step}`);
  }
}

/** Runs the steps; the error thrown is the step's own (callers map domain errors), its step recorded on `failedStep`. */
export async function runWorkflow<S>(workflow: string, steps: Step<S>[], state: S): Promise<S> {
  const done: Step<S>[] = [];
  for (const step of steps) {
    try {
      await step.run(state);
    } catch (error) {
      for (const d of done.reverse()) await d.compensate?.(state);
      if (error && typeof error === 'object') Object.assign(error, { failedStep: `${workflow}/${step.name}` });
      throw error;
    }
    done.push(step);
  }
  return state;
}
