/** One server-sent event as a browser's EventSource would see it. */
export interface StreamEvent {
  event: string;
  data: unknown;
}

/**
 * An open event stream: `next(predicate)` resolves with the first event that
 * matches, waiting as long as it takes (the test's own timeout bounds it).
 */
export class EventStreamReader {
  private buffer = '';
  private readonly events: StreamEvent[] = [];
  private waiters: (() => void)[] = [];
  ended = false;

  private constructor(
    readonly status: number,
    readonly headers: Headers,
    private readonly controller: AbortController,
  ) {}

  static async open(url: string, cookie: string | null): Promise<EventStreamReader> {
    const controller = new AbortController();
    const response = await fetch(url, {
      headers: cookie === null ? {} : { cookie },
      signal: controller.signal,
    });
    const reader = new EventStreamReader(response.status, response.headers, controller);
    void reader.pump(response);
    return reader;
  }

  private async pump(response: Response): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        this.buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = this.buffer.indexOf('\n\n')) >= 0) {
          const block = this.buffer.slice(0, end);
          this.buffer = this.buffer.slice(end + 2);
          this.parse(block);
        }
        this.wakeAll();
      }
    } catch {
      // aborted by close()
    }
    this.ended = true;
    this.wakeAll();
  }

  /** Everything received so far, raw: for checks that nothing forbidden came through. */
  get received(): readonly StreamEvent[] {
    return this.events;
  }

  private parse(block: string): void {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    if (data.length > 0) this.events.push({ event, data: JSON.parse(data.join('\n')) as unknown });
  }

  private wakeAll(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }

  /** The first event (from the start of the stream) that matches; rejects if the stream ends first. */
  async next(predicate: (event: StreamEvent) => boolean, from = 0): Promise<StreamEvent> {
    for (;;) {
      const found = this.events.slice(from).find(predicate);
      if (found !== undefined) return found;
      if (this.ended)
        throw new Error(
          `the stream ended without the expected event; got ${JSON.stringify(this.events)}`,
        );
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Resolves when the server ends the stream. */
  async closedByServer(): Promise<void> {
    while (!this.ended) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  close(): void {
    this.controller.abort();
  }
}
