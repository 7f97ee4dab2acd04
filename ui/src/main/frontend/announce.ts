// announce(): a sentence for the aria-live region, so screen readers hear live changes (a rollout ended, …).
const listeners = new Set<(message: string) => void>();

export function announce(message: string): void {
  listeners.forEach((l) => l(message));
}

export function onAnnounce(listener: (message: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
