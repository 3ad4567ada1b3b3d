import { notifications } from '@mantine/notifications';
import { useState, type ChangeEvent } from 'react';
import { ApiError, type FieldErrors } from '../../../shared/errors';

/**
 * State for the small forms of a page (log a touch, add a need…): values, the server's field
 * messages keyed by contract path, and a submit that keeps the form open when something is wrong.
 * `paths` maps a form key to where the contract reports its problems, when they differ.
 */
export function useQuickForm<T extends Record<string, string>>(initial: T, paths: Partial<Record<keyof T, string>> = {}) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  /** A boundary the last save would have crossed (the server's words); the next save confirms it. Any change clears it. */
  const [crossing, setCrossing] = useState<string | null>(null);

  const set = (patch: Partial<T>) => {
    setCrossing(null);
    setValues((v) => ({ ...v, ...patch }));
  };
  const errorOf = (key: keyof T) => errors[paths[key] ?? String(key)];
  const field = (key: keyof T) => ({
    value: values[key],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set({ [key]: e.currentTarget.value } as Partial<T>),
    error: errorOf(key),
  });

  /**
   * Runs `save`; its result when it went through, undefined when not (or when `save` itself
   * answered undefined: a stale copy it handled). Field problems stay on their fields; others are announced.
   */
  const submit = async <R extends object>(save: (values: T) => Promise<R | undefined>): Promise<R | undefined> => {
    setSaving(true);
    try {
      const result = await save(values);
      setErrors({});
      setCrossing(null);
      return result;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'boundary') setCrossing(error.message);
      else if (error instanceof ApiError && error.code === 'invalid_input' && Object.keys(error.fields).length) setErrors(error.fields);
      else notifications.show({ color: 'red', title: 'Not saved', message: error instanceof Error ? error.message : String(error) });
      return undefined;
    } finally {
      setSaving(false);
    }
  };

  const reset = (next: T = initial) => {
    setValues(next);
    setErrors({});
    setCrossing(null);
  };

  return { values, set, field, errorOf, errors, setErrors, saving, submit, reset, crossing };
}
