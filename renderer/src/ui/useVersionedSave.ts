import { useRef, useState } from 'react';
import { ApiError } from '../../../shared/errors';

export interface StaleCopy {
  message: string;
  /** The version stored now: saving over it is "save mine anyway". */
  version: number;
}

/**
 * Saving an edit of a versioned record (a person, seminar, occasion, touch or need). The version
 * the edit started from travels with every save; when the store answers that someone changed the
 * record meanwhile, the save turns into a choice — reload their latest, or save mine over it —
 * instead of an error or a silent overwrite.
 */
export function useVersionedSave(startVersion: number) {
  const version = useRef(startVersion);
  const [stale, setStale] = useState<StaleCopy | null>(null);

  /** Runs `write` with the edit's version; undefined when the copy was stale (then `stale` is set). */
  const save = async <T>(write: (version: number) => Promise<T>): Promise<T | undefined> => {
    try {
      const result = await write(version.current);
      setStale(null);
      return result;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict' && error.version !== undefined) {
        setStale({ message: error.message, version: error.version });
        return undefined;
      }
      throw error;
    }
  };

  /**
   * "Save mine anyway": the next save goes over the version stored now (and is refused again if
   * that moves too). The offer stays up until that save answers: its button is the form's submit
   * button, and a button taken out of the page in its own click no longer submits anything.
   */
  const overwrite = () => {
    if (stale) version.current = stale.version;
  };

  /** "Reload their latest": editing starts again from the record as stored now. */
  const restart = (latest: number) => {
    version.current = latest;
    setStale(null);
  };

  return { stale, save, overwrite, restart };
}

/**
 * An edit screen's copy of a versioned record: the record as it was when editing started (a
 * refetch in the background does not move it), saved through `useVersionedSave`, and "Reload their
 * latest" replacing the copy and the version together.
 */
export function useVersionedCopy<T extends { version: number }>(record: T, reload: () => Promise<T | undefined>) {
  const [copy, setCopy] = useState(record);
  const [reloading, setReloading] = useState(false);
  const versioned = useVersionedSave(record.version);
  const reloadLatest = async () => {
    setReloading(true);
    try {
      const latest = await reload();
      if (!latest) return;
      setCopy(latest);
      versioned.restart(latest.version);
    } finally {
      setReloading(false);
    }
  };
  return { copy, reloading, reloadLatest, ...versioned };
}
