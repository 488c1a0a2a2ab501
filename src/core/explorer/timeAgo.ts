/** "just now", "42 s ago", "3 min ago", "2 h ago", "5 d ago" — for task start times. */
export function timeAgo(when: Date | undefined, now: Date): string {
  if (!when) return '';
  const s = Math.max(0, Math.round((now.getTime() - when.getTime()) / 1000));
  if (s < 5) return 'just now';
  if (s < 60) return `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.floor(h / 24)} d ago`;
}
