/**
 * The change callbacks of one store's listeners, called after the store's own writes commit: a
 * notification from the server may reach its listening connection only after the writer's call
 * has resolved, and the writer's next read must already know.
 */
export class LocalChanges {
  private readonly callbacks = new Set<() => void>();

  add(onChange: () => void): () => void {
    this.callbacks.add(onChange);
    return () => this.callbacks.delete(onChange);
  }

  /** Calls every callback; for use once a write of this store has committed. */
  committed(): void {
    for (const onChange of this.callbacks) onChange();
  }
}
