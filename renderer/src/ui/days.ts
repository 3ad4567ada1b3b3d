/** A calendar day on this computer, `days` from today, as date inputs want it (YYYY-MM-DD). */
export function dayFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const todayInput = (): string => dayFromToday(0);
