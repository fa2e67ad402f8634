import type { FormErrors } from "@mantine/form";
import { zod4Resolver } from "mantine-form-zod-resolver";
import type { z } from "zod";
import { isApiError } from "./api";

/** Field labels by path, so "is required" reads "Email is required". */
export type FieldLabels = Record<string, string>;

function phrase(label: string | undefined, message: string): string {
  const readable = /^Too small: expected string to have >=1/.test(message) ? "is required" : message;
  if (!label) return readable.charAt(0).toUpperCase() + readable.slice(1);
  return /^(is|must|may|should|has|was)\b/.test(readable) ? `${label} ${readable}` : readable;
}

/** Validates a Mantine form with a contract's Zod schema: the same rules as the server. */
export function contractResolver(schema: z.ZodType, labels: FieldLabels = {}) {
  const resolve = zod4Resolver(schema);
  return (values: Record<string, unknown>): FormErrors => {
    const errors = resolve(values);
    return Object.fromEntries(
      Object.entries(errors).map(([path, message]) => [path, phrase(labels[path], String(message))]),
    );
  };
}

/**
 * Puts the server's field errors (400 validation_failed, 403 field refusals) on the form's fields.
 * Returns true when every error found a field, so the form needs no banner.
 */
export function applyServerErrors(
  form: { setFieldError: (path: string, error: string) => void },
  error: unknown,
  labels: FieldLabels,
): boolean {
  if (!isApiError(error) || error.fieldErrors.length === 0) return false;
  let placedAll = true;
  for (const { path, message } of error.fieldErrors) {
    const field = path.replace(/^\/?body[./]?/, "").replace(/\//g, ".");
    if (field in labels) form.setFieldError(field, phrase(labels[field], message));
    else placedAll = false;
  }
  return placedAll;
}

/** Whether a form's errors name a field they did not name before: a failed submit, not someone fixing a field. */
export function hasNewErrors(before: FormErrors, after: FormErrors): boolean {
  return Object.keys(after).some((path) => after[path] && !before[path]);
}

/** What a summary says of one invalid field: its visible label, without the required-field star. */
function labelOf(field: HTMLElement): string {
  const labelledBy = field.getAttribute("aria-labelledby");
  const byId = labelledBy ? field.ownerDocument.getElementById(labelledBy.split(" ")[0] ?? "") : null;
  const label = byId ?? (field as HTMLInputElement).labels?.[0] ?? null;
  const text = (label?.textContent ?? field.getAttribute("aria-label") ?? "").replace(/\s*\*\s*$/, "").trim();
  return text || "A field";
}

/**
 * Scrolls to and focuses the first invalid field of a form (in page order: `[aria-invalid="true"]`), and returns
 * the labels of every invalid field for a summary.
 */
export function focusFirstInvalid(form: ParentNode): string[] {
  const fields = [...form.querySelectorAll<HTMLElement>('[aria-invalid="true"]')];
  const first = fields[0];
  if (first) {
    first.scrollIntoView({ block: "center" });
    first.focus({ preventScroll: true });
  }
  return [...new Set(fields.map(labelOf))];
}
