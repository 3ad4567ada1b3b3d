import type { UseFormReturnType } from '@mantine/form';
import { useRef } from 'react';
import { ApiError } from '../../../shared/errors';

/**
 * Submit handling shared by every editor: the server's field messages land on the same fields
 * as the form's own, and the person is taken to the first field that needs attention (it may be
 * far above the Save button).
 */
export function useFormSubmit<T extends Record<string, unknown>>(form: UseFormReturnType<T>, onSubmit: (values: T) => Promise<unknown>) {
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = () => {
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };
  const submit = form.onSubmit(async (values) => {
    try {
      await onSubmit(values);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'invalid_input')) throw error;
      form.setErrors(error.fields);
      focusFirstError();
    }
  }, focusFirstError);
  return { formRef, submit };
}
