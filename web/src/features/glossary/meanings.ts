import type { AnnotatedSpan, TermCard } from "#contracts/glossary";
import type { TermMeaning } from "#contracts/pipeline";

/** The key two written forms share when the recogniser reads them as one ("CMS", " cms "): as the server compares. */
export function formKeyOf(form: string): string {
  return form.trim().replace(/\s+/gu, " ").toLowerCase();
}

/** A form with several meanings found in a text, and every term it may mean. */
export interface ClashChoice {
  key: string;
  /** The form as the glossary writes it ("CMS"). */
  form: string;
  terms: TermCard[];
}

/** The forms with several meanings in an annotated text, once each, in text order, with the terms they may mean. */
export function clashChoicesOf(spans: readonly AnnotatedSpan[], cards: ReadonlyMap<string, TermCard>): ClashChoice[] {
  const choices = new Map<string, ClashChoice>();
  for (const span of spans) {
    if (span.alternativeTermIds.length === 0) continue;
    const key = formKeyOf(span.form);
    const choice = choices.get(key) ?? { key, form: span.form, terms: [] };
    for (const id of [span.termId, ...span.alternativeTermIds]) {
      const card = cards.get(id);
      if (card && !choice.terms.some((term) => term.id === id)) choice.terms.push(card);
    }
    choices.set(key, choice);
  }
  return [...choices.values()].filter((choice) => choice.terms.length > 1);
}

/** The term chosen for a form, or "" when none is. */
export function chosenFor(meanings: readonly TermMeaning[], choice: ClashChoice): string {
  return meanings.find((meaning) => formKeyOf(meaning.form) === choice.key)?.termId ?? "";
}

/** The meanings with `termId` chosen for the form (none when `termId` is ""): one per form. */
export function chooseMeaning(meanings: readonly TermMeaning[], choice: ClashChoice, termId: string): TermMeaning[] {
  const others = meanings.filter((meaning) => formKeyOf(meaning.form) !== choice.key);
  return termId === "" ? others : [...others, { form: choice.form, termId }];
}

/** The meanings that still apply to the text: their form is still there with several meanings, the term one of them. */
export function meaningsStillMeant(meanings: readonly TermMeaning[], choices: readonly ClashChoice[]): TermMeaning[] {
  return meanings.filter((meaning) =>
    choices.some(
      (choice) => choice.key === formKeyOf(meaning.form) && choice.terms.some((term) => term.id === meaning.termId),
    ),
  );
}

/** The meaning intended for a recognised span: one of its terms that the writer chose, or undefined. */
export function meaningOfSpan(
  meanings: readonly { termId: string }[] | undefined,
  span: Pick<AnnotatedSpan, "termId" | "alternativeTermIds">,
): string | undefined {
  if (!meanings || span.alternativeTermIds.length === 0) return undefined;
  const candidates = [span.termId, ...span.alternativeTermIds];
  return meanings.find((meaning) => candidates.includes(meaning.termId))?.termId;
}
