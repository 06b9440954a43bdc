/** The model answered, but not in a form the role can use (bad JSON, missing fields, out-of-range scores). */
export class FormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FormatError";
  }
}
