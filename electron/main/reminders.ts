import { Notification, type BrowserWindow } from 'electron';
import type { CoreContext } from '../core/context';
import { dueSummary } from '../core/services/followups';

/** How long until the next local midnight, plus a minute so the new day has surely begun. */
function untilNextDay(now: Date): number {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 1);
  return next.getTime() - now.getTime();
}

/**
 * The desktop app's reminder: at start, and then at the start of each day while it runs, a
 * notification of what is due. Clicking it brings Rapport forward on the agenda.
 */
export function scheduleDueReminders(ctx: CoreContext, window: () => BrowserWindow | null): () => void {
  let timer: NodeJS.Timeout | undefined;
  const remind = () => {
    if (Notification.isSupported()) {
      const { overdue, today, dueToReconnect } = dueSummary(ctx);
      const parts = [overdue ? `${overdue} overdue` : '', today ? `${today} due today` : ''].filter(Boolean);
      if (parts.length) {
        const body = dueToReconnect ? `${parts.join(', ')}. ${dueToReconnect} people are due to reconnect.` : `${parts.join(', ')}.`;
        const notification = new Notification({ title: 'Rapport: follow-ups', body });
        notification.on('click', () => {
          const w = window();
          if (!w) return;
          if (w.isMinimized()) w.restore();
          w.focus();
          void w.webContents.executeJavaScript("location.hash = '#/agenda'");
        });
        notification.show();
      }
    }
    timer = setTimeout(remind, untilNextDay(ctx.now()));
  };
  remind();
  return () => clearTimeout(timer);
}
