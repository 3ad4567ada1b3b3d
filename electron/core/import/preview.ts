import type { z } from 'zod';
import type { ColumnMapping, ImportFileInputSchema, ImportMatch, ImportPreview, ImportRow } from '../../../shared/domain/import';
import { personName } from '../../../shared/domain/names';
import type { PersonData } from '../../../shared/domain/person';
import type { CoreContext } from '../context';
import { getPerson } from '../services/people';
import { readSetting } from '../services/settings';
import { BookIndex } from './matching';
import { readImportFile, type ImportFile } from './read';

type FileInput = z.output<typeof ImportFileInputSchema>;

const PREVIEW_ROWS = 20;
const LISTED = 500;

/** Mappings are remembered per set of column names, so next month's export of the same tool maps itself. */
export const mappingKey = (header: string[]) => `import.mapping:${header.map((h) => h.trim().toLowerCase()).join('\u241f')}`;

function rememberedMapping(ctx: CoreContext, header: string[]): ColumnMapping | null {
  // A remembered mapping that no longer reads as one (a bad full import, a hand edit) is ignored: the file is mapped afresh.
  return readSetting<ColumnMapping>(ctx, mappingKey(header));
}

/** Reads a file sent for import (base64), with the mapping given or the one remembered for its columns. */
export function readForImport(ctx: CoreContext, input: FileInput): { file: ImportFile; remembered: boolean } {
  const bytes = new Uint8Array(Buffer.from(input.content, 'base64'));
  let remembered = false;
  const file = readImportFile(
    input.fileName,
    bytes,
    input.encoding,
    (header, named) => {
      if (input.mapping) return input.mapping;
      // Columns without names ("Column 1"…) say nothing about which file this is: no mapping is remembered for them.
      const saved = named ? rememberedMapping(ctx, header) : null;
      remembered = saved !== null;
      return saved;
    },
    input.headerRow,
  );
  return { file, remembered };
}

const rowOf = (line: number, p: PersonData): ImportRow => ({
  line,
  name: personName(p),
  organization: p.organization,
  email: p.emails[0]?.address ?? '',
  phone: p.phones[0]?.number ?? '',
});

/**
 * The file as it will be imported: its layout and encoding, the first rows, every problem, and who
 * is already in the book. Reads only; runs in the job worker (jobs/host.ts), so a hostile file
 * costs the worker's time, not the time of every other call.
 */
export function previewImport(ctx: CoreContext, input: FileInput): ImportPreview {
  const { file, remembered } = readForImport(ctx, input);
  const index = BookIndex.load(ctx.db);
  const matches: ImportMatch[] = [];
  let matchCount = 0;
  for (const r of file.records) {
    const match = index.match(r.person);
    if (!match) continue;
    matchCount++;
    if (matches.length >= LISTED) continue;
    const existing = getPerson(ctx, match.id);
    matches.push({
      line: r.line,
      incoming: rowOf(r.line, r.person),
      existing: { id: existing.id, name: existing.name, organization: existing.organization, email: existing.emails[0]?.address ?? '' },
      reason: match.reason,
    });
  }
  return {
    format: file.format,
    formatLabel: file.formatLabel,
    encoding: file.encoding,
    header: file.header,
    mapping: file.mapping,
    mappingRemembered: remembered,
    headerRow: file.headerRow,
    samples: file.samples,
    people: file.records.length,
    rows: file.records.slice(0, PREVIEW_ROWS).map((r) => rowOf(r.line, r.person)),
    problems: file.problems,
    matches,
    matchCount,
  };
}
