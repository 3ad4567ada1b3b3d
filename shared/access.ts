import type { MethodName } from './contract';

/**
 * Who may call what (DESIGN.md, Security). Every call has a caller with a role. Transports decide
 * who the caller is (IPC: the app's own window, so the owner; HTTP: whoever's token came with the
 * request); `dispatch` asks `mayCall` before anything else, so the two transports cannot drift.
 */
export const ROLES = ['owner', 'door'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The owner may call everything. A door device (issue 15) checks people in at one seminar's
 * entrance with its own revocable token; its scope travels with it.
 */
export type Caller = { role: 'owner' } | { role: 'door'; seminarId: number };

export const OWNER: Caller = Object.freeze({ role: 'owner' });

/**
 * The methods each role but the owner may call. A method not listed is the owner's alone.
 * The door's list stays empty until door devices exist (issue 15 fills it in with the check-in
 * methods and narrows them to its seminar).
 */
export const ALLOWED_METHODS: { readonly [R in Exclude<Role, 'owner'>]: readonly MethodName[] } = {
  door: [],
};

export function mayCall(caller: Caller, method: MethodName): boolean {
  return caller.role === 'owner' || ALLOWED_METHODS[caller.role].includes(method);
}
