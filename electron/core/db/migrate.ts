import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations/index';
import { schemaVersion } from './pragmas';

export function tooNewError(found: number, known: number = LATEST_VERSION): AppError {
  return new AppError(
    'database_too_new',
    `This book was saved by a newer version of Rapport (data format ${found}; this version reads up to ${known}). ` +
      'Update Rapport to open it. The file has not been changed.',
  );
}

function pendingMigrations(from: number, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  return migrations.filter((m) => m.version > from).sort((a, b) => a.version - b.version);
}

/**
 * Runs every pending migration in one transaction: a failure in any of them leaves the
 * database exactly as it was, at its old version.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } {
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const from = schemaVersion(db);
  if (from > latest) throw tooNewError(from, latest);
  const pending = pendingMigrations(from, migrations);
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return { from, to: schemaVersion(db) };
}
