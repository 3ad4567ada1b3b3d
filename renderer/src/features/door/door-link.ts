import { keepPreviousData, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Registration } from '../../../../shared/domain/seminar';
import { ApiError } from '../../../../shared/errors';
import { SEARCH_FRESH_MS, useCheckInActions, type ActionVars, type CheckInActions, type SearchOptions, type TableLink } from '../checkin/queries';
import { doorSession } from './door-session';

/**
 * The check-in table's link on a door device (useCheckInTable's `link`): the same Enter rules and
 * panel, but the search falls back to the roster kept on the device and every check-in goes
 * through the device's queue, so the door keeps working while the hub cannot be reached.
 */

export const doorSearchKey = (seminarId: number, query: string) => ['seminars', 'checkin', seminarId, query, 'door'] as const;

function doorSearch(seminarId: number, query: string): SearchOptions {
  return {
    queryKey: doorSearchKey(seminarId, query),
    queryFn: () => doorSession(seminarId).find(query),
    placeholderData: keepPreviousData,
    staleTime: SEARCH_FRESH_MS,
    retry: false,
    networkMode: 'always',
  };
}

/** The door's device name is part of the link: every check-in made here carries it. */
export function doorLink(device: string): TableLink {
  return {
    search: doorSearch,
    useActions(seminarId: number): CheckInActions {
      const hub = useCheckInActions();
      const client = useQueryClient();
      const changed = () => client.invalidateQueries({ queryKey: ['seminars', 'checkin', seminarId] });
      const session = doorSession(seminarId);
      return {
        checkIn: useMutation({
          mutationFn: async ({ registrationId, clientId }: ActionVars): Promise<Registration> => {
            const result = await session.checkIn(registrationId, device, clientId);
            if (result.kind === 'in') return result.entry;
            if (result.kind === 'kept') {
              // Checked in on this device; the hub hears of it as soon as it answers.
              const known = session.state.entries.get(registrationId);
              if (!known) throw new ApiError({ code: 'not_found', message: 'This registrant is not on this device.' });
              return { ...known, state: 'checked_in', checkedInAt: new Date().toISOString(), checkedInBy: device };
            }
            if (result.kind === 'already') {
              const fields: Record<string, string> = { state: 'checked_in' };
              if (result.entry.checkedInAt) fields.checkedInAt = result.entry.checkedInAt;
              if (result.entry.checkedInBy) fields.checkedInBy = result.entry.checkedInBy;
              throw new ApiError({ code: 'conflict', message: result.message, fields });
            }
            throw new ApiError({ code: 'conflict', message: result.message });
          },
          onSettled: changed,
          networkMode: 'always',
        }),
        undo: useMutation({ mutationFn: ({ registrationId, clientId }: ActionVars) => session.undo(registrationId, clientId), onSettled: changed, networkMode: 'always' }),
        note: hub.note,
        // Walk-ins need the hub (its duplicate guard); the dialog sends the device's name itself.
        walkIn: hub.walkIn,
      };
    },
  };
}
