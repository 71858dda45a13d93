/**
 * A per-repository lock. GitHub serialises writes to one repository, so two requests that
 * race on a ref see compare-and-swap semantics and never a lost update; the sandbox gets
 * the same by running every write to a repository one after another.
 */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
