/** Bad input, located by line and field when it came from a file. */
export class AttributionInputError extends Error {
  readonly line: number | undefined;
  readonly field: string | undefined;

  constructor(message: string, location: { line?: number; field?: string } = {}) {
    const where = [location.line === undefined ? "" : `line ${location.line}`, location.field ?? ""]
      .filter((part) => part !== "")
      .join(", ");
    super(where === "" ? message : `${where}: ${message}`);
    this.name = "AttributionInputError";
    this.line = location.line;
    this.field = location.field;
  }
}
