import { TermsInputError } from "./errors";
import { foldString } from "./fold";
import type { PreparedForm, TermDefinition, TermId } from "./types";

const ALL_CAPITALS_AND_DIGITS = /^[\p{Lu}\p{Nd}]+$/u;
const CAPITAL = /\p{Lu}/u;
const WHITESPACE_RUN = /\s+/g;

/**
 * True when a form matches case-sensitively: after trimming, every character is an upper-case letter (Unicode
 * Lu) or a decimal digit (Nd), and at least one is a letter ("CMS", "IT", "B2B", "5G"). Anything else — a
 * lower-case letter, a space, punctuation ("A/B", "CI/CD", "24/7"), or no letter at all ("365") — matches
 * case-insensitively.
 */
export function isCaseSensitiveForm(form: string): boolean {
  const trimmed = form.trim();
  return ALL_CAPITALS_AND_DIGITS.test(trimmed) && CAPITAL.test(trimmed);
}

/** The key two forms share when they match the same texts' letters: trimmed, whitespace runs as one space, folded. */
export function formKey(form: string): string {
  return foldString(collapseWhitespace(form));
}

function collapseWhitespace(form: string): string {
  return form.trim().replace(WHITESPACE_RUN, " ");
}

/**
 * Checks a list of terms (as parsed from JSON or given by code) and returns it typed: a non-empty array is not
 * required, but every term needs an id (a non-empty string or a finite number) unique in the list, a non-empty
 * name, an acronym that is absent, null or a non-empty string, and synonyms that are absent, null or an array of
 * non-empty strings. Other fields are ignored. Throws TermsInputError naming the field.
 */
export function parseTerms(raw: unknown): TermDefinition<TermId>[] {
  if (!Array.isArray(raw)) throw new TermsInputError("terms", "must be an array of terms");
  const seen = new Map<TermId, number>();
  return raw.map((item: unknown, index): TermDefinition<TermId> => {
    const at = `terms[${index}]`;
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      throw new TermsInputError(at, 'must be an object {"id", "name", "acronym"?, "synonyms"?}');
    }
    const term = item as Record<string, unknown>;
    const id = checkId(term.id, `${at}.id`);
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      throw new TermsInputError(`${at}.id`, `duplicates the id of terms[${earlier}] (${JSON.stringify(id)})`);
    }
    seen.set(id, index);
    const name = checkForm(term.name, `${at}.name`, true);
    const acronym =
      term.acronym === undefined || term.acronym === null ? null : checkForm(term.acronym, `${at}.acronym`);
    let synonyms: string[] | null = null;
    if (term.synonyms !== undefined && term.synonyms !== null) {
      if (!Array.isArray(term.synonyms)) throw new TermsInputError(`${at}.synonyms`, "must be an array of strings");
      synonyms = term.synonyms.map((synonym: unknown, s) => checkForm(synonym, `${at}.synonyms[${s}]`));
    }
    return { id, name, acronym, synonyms };
  });
}

function checkId(value: unknown, field: string): TermId {
  if (value === undefined || value === null) throw new TermsInputError(field, "is missing");
  if ((typeof value === "string" && value.trim() !== "") || (typeof value === "number" && Number.isFinite(value))) {
    return value;
  }
  throw new TermsInputError(field, "must be a non-empty string or a number");
}

function checkForm(value: unknown, field: string, required = false): string {
  if (value === undefined && required) throw new TermsInputError(field, "is missing");
  if (typeof value !== "string") throw new TermsInputError(field, "must be a string");
  if (value.trim() === "") throw new TermsInputError(field, "is an empty form");
  return value;
}

/** Every form of every term, in term order and, within a term, name, acronym, synonyms. */
export function prepareForms(terms: readonly TermDefinition<TermId>[]): PreparedForm[] {
  const forms: PreparedForm[] = [];
  terms.forEach((term, index) => {
    const written = [term.name, ...(term.acronym ? [term.acronym] : []), ...(term.synonyms ?? [])];
    written.forEach((form, order) => {
      const collapsed = collapseWhitespace(form);
      forms.push({
        term: index,
        written: form,
        order,
        collapsed,
        key: foldString(collapsed),
        caseSensitive: isCaseSensitiveForm(collapsed),
      });
    });
  });
  return forms;
}
