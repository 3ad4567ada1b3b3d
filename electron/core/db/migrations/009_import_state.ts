import type { Migration } from './index';

/**
 * An import writes in short steps so the book keeps answering (issue 14), so it needs a state that
 * survives a crash: `running` until its last step, `undoing` while an undo takes it back. Start-up
 * finishes what a crash left: a running import is taken back whole, an undo is completed.
 */
export const m009ImportState: Migration = {
  version: 9,
  name: 'import state',
  up(db) {
    db.exec(`ALTER TABLE imports ADD COLUMN state TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('running', 'done', 'undoing'))`);
  },
};
