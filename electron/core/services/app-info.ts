import type { AppInfo } from '../../../shared/contract';
import type { CoreContext } from '../context';
import { schemaVersion } from '../db/pragmas';
import { countPeople } from './people';
import { sampleLoadedAt } from './sample';

export function appInfo(ctx: CoreContext): AppInfo {
  return {
    version: ctx.version,
    mode: ctx.mode,
    dataDir: ctx.store.dataDir,
    databasePath: ctx.store.path,
    schemaVersion: schemaVersion(ctx.db),
    peopleCount: countPeople(ctx),
    sampleLoadedAt: sampleLoadedAt(ctx),
  };
}
