/** A Shanghai local time N days from now at the given hour, as an ISO instant with +08:00. */
export function shanghaiAt(daysAhead: number, hour: number): string {
  const d = new Date(Date.now() + 8 * 3600_000 + daysAhead * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00:00+08:00`;
}
