/** What runs in the background (segments, timer ticks), so `idle()` can wait for it and `stop()` end it. */
export class Lifecycle {
  stopped = false;
  private readonly inflight = new Set<Promise<unknown>>();

  track<T>(promise: Promise<T>): Promise<T> {
    this.inflight.add(promise);
    const untrack = () => this.inflight.delete(promise);
    promise.then(untrack, untrack);
    return promise;
  }

  get busy(): boolean {
    return this.inflight.size > 0;
  }

  /** Resolves when everything tracked so far, and everything it started meanwhile, has settled. */
  async settle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  /** Background failures have no caller to go to; after stop() they are expected and not worth a word. */
  report(error: unknown): void {
    if (!this.stopped) console.error('local-stepfunctions:', error);
  }
}
