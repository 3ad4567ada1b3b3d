import { IMPORT_FORMATS, type ColumnMapping, type ImportEncoding, type ImportFormat } from '../../../shared/domain/import';
import { readCsv, type MappingFor } from './csv';
import { decodeText } from './encoding';
import type { ImportProblem, ImportRecord } from './csv';
import { readVcard } from './vcard';


/** A file read for import, whatever its kind: the people in it and every problem, by line. */
export interface ImportFile {
  format: ImportFormat;
  /** "vCard 2.1, 3.0", "LinkedIn Connections"… */
  formatLabel: string;
  encoding: ImportEncoding;
  /** A CSV's column names as headed in the file; empty for vCard. */
  header: string[];
  /** For a CSV of no known layout: how its columns are read. */
  mapping: ColumnMapping | null;
  records: ImportRecord[];
  problems: ImportProblem[];
}

const looksLikeVcard = (fileName: string, bytes: Uint8Array) =>
  /\.(vcf|vcard)$/i.test(fileName) || /^\s*BEGIN:VCARD/i.test(decodeText(bytes.subarray(0, 400)).text.replace(/\0/g, ''));

export function readImportFile(fileName: string, bytes: Uint8Array, encoding: ImportEncoding | null = null, mappingFor?: MappingFor): ImportFile {
  if (looksLikeVcard(fileName, bytes)) {
    const v = readVcard(bytes, encoding);
    const formatLabel = v.versions.length ? `vCard ${v.versions.join(', ')}` : 'vCard';
    return { format: 'vcard', formatLabel, encoding: v.encoding, header: [], mapping: null, records: v.records, problems: v.problems };
  }
  const c = readCsv(bytes, encoding, mappingFor);
  return { format: c.format, formatLabel: IMPORT_FORMATS[c.format], encoding: c.encoding, header: c.header, mapping: c.mapping, records: c.records, problems: c.problems };
}
