/** Commands the palette offers beside what it finds; matched by the words typed. */
export type CommandId = 'newPerson' | 'logTouch' | 'checkInToday' | 'trash' | 'toggleScheme' | 'shortcuts' | `go:${string}`;

export interface Command {
  id: CommandId;
  title: string;
  /** Extra words it answers to. */
  words: string;
}

export const COMMANDS: Command[] = [
  { id: 'newPerson', title: 'New person', words: 'add create contact' },
  { id: 'logTouch', title: 'Log a touch for…', words: 'call meeting coffee message interaction' },
  { id: 'checkInToday', title: 'Open check-in for today’s seminar', words: 'door table attendees' },
  { id: 'go:/', title: 'Go to Home', words: 'intimacy dashboard' },
  { id: 'go:/people', title: 'Go to People', words: 'contacts list' },
  { id: 'go:/agenda', title: 'Go to Agenda', words: 'follow-ups due' },
  { id: 'go:/relationships', title: 'Go to Relationships', words: 'at risk ready reconnect' },
  { id: 'go:/occasions', title: 'Go to At home', words: 'occasions dinner' },
  { id: 'go:/seminars', title: 'Go to Seminars', words: 'events' },
  { id: 'go:/reports', title: 'Go to Reports', words: 'pdf print' },
  { id: 'go:/settings', title: 'Go to Settings', words: 'preferences backups' },
  { id: 'trash', title: 'Open the trash', words: 'deleted restore undo' },
  { id: 'toggleScheme', title: 'Switch between light and dark', words: 'dark mode theme colour color' },
  { id: 'shortcuts', title: 'Keyboard shortcuts', words: 'keys help ?' },
];

export function matchCommands(query: string): Command[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return COMMANDS;
  return COMMANDS.filter((c) => {
    const text = `${c.title} ${c.words}`.toLocaleLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** Every shortcut, as the `?` sheet lists them. */
export const SHORTCUTS: { keys: string; what: string }[] = [
  { keys: 'Ctrl+K / ⌘K', what: 'Find anything, run a command' },
  { keys: '/', what: 'Focus the search of the page (or find anything)' },
  { keys: '?', what: 'This list' },
  { keys: '↑ ↓ Enter', what: 'Move in a list and open the one chosen' },
  { keys: 'Esc', what: 'Close a dialog; clear the check-in search' },
  { keys: 'E', what: 'Edit the person shown' },
  { keys: 'L', what: 'Log a touch with the person shown' },
  { keys: 'Ctrl+Enter', what: 'Save a dialog from its note field' },
  { keys: 'Alt+N / Alt+F', what: 'Check-in table: note / follow-up for the person shown' },
  { keys: 'Alt+U / Alt+W', what: 'Check-in table: undo the last check-in / a walk-in' },
];
