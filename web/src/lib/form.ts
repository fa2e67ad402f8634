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
