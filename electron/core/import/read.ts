import { IMPORT_FORMATS, type ColumnMapping, type ImportEncoding, type ImportFormat } from '../../../shared/domain/import';
import { readCsv, type MappingFor } from './csv';
import type { ImportProblem, ImportRecord } from './csv';
import { fileKind } from './file-kind';
import { checkFileSize } from './limits';
import { readVcard } from './vcard';

/** A file read for import, whatever its kind: the people in it and every problem, by line. */
export interface ImportFile {
  format: ImportFormat;
  /** "vCard 2.1, 3.0", "LinkedIn Connections"… */
  formatLabel: string;
  encoding: ImportEncoding;
  /** A CSV's column names as headed in the file ("Column 1"… for a file without a header row); empty for vCard. */
  header: string[];
  /** For a CSV of no known layout: how its columns are read. */
  mapping: ColumnMapping | null;
  /** For a CSV: whether its first row names the columns. */
  headerRow: boolean;
  /** For a CSV: the first few values of each column. */
  samples: string[][];
  records: ImportRecord[];
  problems: ImportProblem[];
}

/**
 * Reads a chosen file: a vCard or a CSV, told apart by what it holds (file-kind.ts says what any
 * other file is, and refuses it with those words). `headerRow` is the owner's word on whether a CSV
 * of no known layout begins with the columns' names (null: as Rapport judges).
 */
export function readImportFile(
  fileName: string,
  bytes: Uint8Array,
  encoding: ImportEncoding | null = null,
  mappingFor?: MappingFor,
  headerRow: boolean | null = null,
): ImportFile {
  checkFileSize(bytes);
  if (fileKind(fileName, bytes) === 'vcard') {
    const v = readVcard(bytes, encoding);
    const formatLabel = v.versions.length ? `vCard ${v.versions.join(', ')}` : 'vCard';
    return { format: 'vcard', formatLabel, encoding: v.encoding, header: [], mapping: null, headerRow: false, samples: [], records: v.records, problems: v.problems };
  }
  const c = readCsv(bytes, encoding, mappingFor, headerRow);
  return {
    format: c.format,
    formatLabel: c.headerRow || c.format !== 'other' ? IMPORT_FORMATS[c.format] : 'CSV without column names',
    encoding: c.encoding,
    header: c.header,
    mapping: c.mapping,
    headerRow: c.headerRow,
    samples: c.samples,
    records: c.records,
    problems: c.problems,
  };
}
