/** Bad input to the experiment engine; `path` names the offending field, e.g. `variants[1].n`. */
export class ExperimentInputError extends Error {
  readonly path: string;

  constructor(path: string, message: string) {
    super(path ? `${path} ${message}` : message);
    this.name = "ExperimentInputError";
    this.path = path;
  }
}
