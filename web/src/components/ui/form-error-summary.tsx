import { Alert } from "@mantine/core";
import type { FormErrors } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { useEffect, useRef, useState } from "react";
import { focusFirstInvalid, hasNewErrors } from "../../lib/form";

/**
 * Put inside a form: when a submit fails (the form's own checks, on every attempt, or the server's 400), scrolls to
 * and focuses the first invalid field and says which fields need fixing.
 */
export function FormErrorSummary({ errors }: { errors: FormErrors }) {
  const ref = useRef<HTMLDivElement>(null);
  const previous = useRef<FormErrors>({});
  const [fields, setFields] = useState<string[]>([]);
  const count = Object.values(errors).filter(Boolean).length;

  // Every refused submit brings the first invalid field back into view, even when the errors are the ones it had
  // (someone fixed one field, scrolled down and pressed save again). Runs after React drew the submit's errors.
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const afterSubmit = () =>
      requestAnimationFrame(() => {
        if (form.querySelector('[aria-invalid="true"]')) setFields(focusFirstInvalid(form));
      });
    form.addEventListener("submit", afterSubmit);
    return () => form.removeEventListener("submit", afterSubmit);
  }, []);

  useEffect(() => {
    const isNew = hasNewErrors(previous.current, errors);
    previous.current = errors;
    const form = ref.current?.closest("form");
    if (isNew && form) setFields(focusFirstInvalid(form));
  }, [errors]);

  return (
    <div ref={ref}>
      {count > 0 && fields.length > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden="true" />} role="alert">
          {fields.length === 1 ? "Check this field: " : `Check these ${fields.length} fields: `}
          {fields.join(", ")}.
        </Alert>
      )}
    </div>
  );
}
