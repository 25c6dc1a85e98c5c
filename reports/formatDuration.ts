/**
 * Durations for people: `850 ms`, `12.3 s`, `4 min 05 s`. Shared by the Markdown summary and the
 * progress lines so the same run reads the same everywhere.
 */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}
