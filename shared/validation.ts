import type { z } from 'zod';
import type { FieldErrors } from './errors';

/** Zod issues → `path.to.field` → the first message for it. The renderer's forms use the same paths. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}
