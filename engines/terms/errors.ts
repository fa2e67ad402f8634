/** Bad input to the term-recognition engine; `field` names the offending field, e.g. `terms[3].synonyms[1]`. */
export class TermsInputError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(field === "" ? message : `${field} ${message}`);
    this.name = "TermsInputError";
    this.field = field;
  }
}
