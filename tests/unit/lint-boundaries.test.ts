import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** Lints a fixture as if it lived at `pretendPath`, with the project's real config. */
async function lintAs(fixture: string, pretendPath: string) {
  const code = fs.readFileSync(path.join(root, 'tests/fixtures/lint', fixture), 'utf8');
  const [result] = await eslint.lintText(code, { filePath: path.join(root, pretendPath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint enforces the boundaries of DESIGN.md', () => {
  it('fails a renderer file that imports electron', async () => {
    expect(await lintAs('renderer-imports-electron.tsx', 'renderer/src/features/leak.tsx')).toEqual(
      expect.arrayContaining([expect.stringMatching(/Only electron\/main and electron\/preload may import Electron/)]),
    );
  });

  it('fails a core file that imports electron', async () => {
    expect(await lintAs('core-imports-electron.ts', 'electron/core/services/leak.ts')).toEqual([
      expect.stringMatching(/core and station mode run without Electron/),
    ]);
  });

  it('fails a renderer file that imports a Node module', async () => {
    expect(await lintAs('renderer-imports-node.ts', 'renderer/src/features/leak.ts')).toHaveLength(1);
  });

  it('fails a shared file that imports React', async () => {
    expect(await lintAs('shared-imports-react.ts', 'shared/domain/leak.ts')).toHaveLength(1);
  });

  it('lets the main process import electron and the renderer use the API client', async () => {
    expect(await lintAs('core-imports-electron.ts', 'electron/main/fine.ts')).toEqual([]);
    expect(await lintAs('renderer-uses-api.tsx', 'renderer/src/features/fine.tsx')).toEqual([]);
  });
});
