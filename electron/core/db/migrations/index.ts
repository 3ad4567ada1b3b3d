import type Database from 'better-sqlite3';
import { m001People } from './001_people';
import { m002Seminars } from './002_seminars';
import { m003Relationships } from './003_relationships';
import { m004FollowUps } from './004_follow_ups';
import { m005Hospitality } from './005_hospitality';
import { m006Imports } from './006_imports';
import { m007PlatformTickets } from './007_platform_tickets';
import { m008Versions } from './008_versions';
import { m009ImportState } from './009_import_state';
import { m011WalkInPeople } from './011_walk_in_people';
import { m012DoorDevices } from './012_door_devices';
import { m013PairedDevices } from './013_paired_devices';
import { m014PhoneKinds } from './014_phone_kinds';
import { m015EverydayRelationships } from './015_everyday_relationships';
import { m016ListIndexes } from './016_list_indexes';

export interface Migration {
  /** The `user_version` the database has once this migration has run. */
  version: number;
  name: string;
  up(db: Database.Database): void;
}

/** Ordered by version; a migration is never edited once released — add a new one. */
export const MIGRATIONS: readonly Migration[] = [m001People, m002Seminars, m003Relationships, m004FollowUps, m005Hospitality, m006Imports, m007PlatformTickets, m008Versions, m009ImportState, m011WalkInPeople, m012DoorDevices, m013PairedDevices, m014PhoneKinds, m015EverydayRelationships, m016ListIndexes];

export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
