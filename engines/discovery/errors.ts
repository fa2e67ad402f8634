/** Bad input to the discovery engine; `field` names the offending field, e.g. `tools[3].id`, `lines[12].amount`. */
export class DiscoveryInputError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field} ${message}`);
    this.name = "DiscoveryInputError";
    this.field = field;
  }
}
