/** Bad input to the service-level engine; `field` names the offending field, e.g. `workingHours.start`, `holidays[2]`. */
export class SlaInputError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field} ${message}`);
    this.name = "SlaInputError";
    this.field = field;
  }
}
