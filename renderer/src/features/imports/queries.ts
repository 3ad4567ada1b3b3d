import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InputOf } from '../../../../shared/contract';
import { call } from '../../api/client';

export type ImportFileInput = InputOf<'imports.preview'>;
export type ImportRunInput = InputOf<'imports.run'>;

/** The bytes of a chosen file as base64, which is how a file crosses IPC and HTTP as JSON. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** `fileVersion` tells one choice of a file from the next (the same name and size may hold other rows). */
export function useImportPreview(input: ImportFileInput | null, fileVersion: number) {
  return useQuery({
    queryKey: ['imports', 'preview', fileVersion, input?.encoding, input?.mapping, input?.headerRow, input?.seminarId],
    queryFn: () => call('imports.preview', input as ImportFileInput),
    enabled: input !== null,
    // While another mapping or encoding of the same file is read, the last preview stays on screen (not a new file's).
    placeholderData: (previous, query) => (query?.queryKey[2] === fileVersion ? previous : undefined),
    // The book may change between previews; the file does not, so no refetch on focus.
    refetchOnWindowFocus: false,
  });
}

/** While an import runs: how far it is, asked twice a second. */
export function useImportProgress(running: boolean) {
  return useQuery({ queryKey: ['imports', 'progress'], queryFn: () => call('imports.progress'), enabled: running, refetchInterval: running ? 250 : false });
}

export function useImportHistory() {
  return useQuery({ queryKey: ['imports', 'list'], queryFn: () => call('imports.list') });
}

/** After an import or its undo, every list of people, seminars and backups may have changed (the file's preview has not). */
function useEverythingChanged() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ predicate: (q) => !(q.queryKey[0] === 'imports' && q.queryKey[1] === 'preview') });
}

export function useRunImport() {
  const changed = useEverythingChanged();
  return useMutation({ mutationFn: (input: ImportRunInput) => call('imports.run', input), onSettled: changed });
}

export function useCancelImport() {
  return useMutation({ mutationFn: () => call('imports.cancel') });
}

export function useUndoImport() {
  const changed = useEverythingChanged();
  return useMutation({ mutationFn: (id: number) => call('imports.undo', { id }), onSuccess: changed });
}
