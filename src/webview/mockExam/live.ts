/** One polite live region for announcements (moves, saves, time warnings). */
let region: HTMLElement | undefined;

export function announce(message: string): void {
  if (!region) {
    region = document.createElement('div');
    region.className = 'visually-hidden';
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    document.body.append(region);
  }
  // Clear first so the same message twice is announced twice.
  region.textContent = '';
  const r = region;
  setTimeout(() => { r.textContent = message; }, 50);
}
