/**
 * How many REST requests a job keeps in flight (adaptive concurrency, ADR 022). WordPress has no
 * batch route for comments, so a job without the Bridge is one request per comment; the right
 * number in flight depends on the host (PHP workers, a CDN's rate limit, Akismet's synchronous
 * report on spam). Like TCP's congestion control: grow by one after a full round of fast, error-free
 * answers; shrink by a quarter when answers get slower than the fastest seen (the server queues);
 * halve on 429, 503 or a timeout (the caller also waits out `Retry-After`).
 */
export const initialConcurrency = 4;
export const minConcurrency = 1;
export const maxConcurrency = 16;

/** Answers this much slower than the fastest seen (plus a little jitter) mean the server queues. */
const slowFactor = 2;
const slowSlackMs = 25;
/** Answers this close to the fastest seen leave room for one more in flight. */
const fastFactor = 1.5;
const fastSlackMs = 15;

export class AdaptiveConcurrency {
  /** the fastest answer lately (it drifts up slowly, so one lucky answer does not rule forever) */
  private baselineMs: number | null = null;
  /** a smoothed latency of the recent answers */
  private recentMs: number | null = null;
  /** answers since the limit last changed */
  private answered = 0;
  /** counts the limit's changes: an answer to a request sent before the last change says nothing about it */
  private epoch = 0;

  constructor(
    public limit = initialConcurrency,
    private readonly bounds = { min: minConcurrency, max: maxConcurrency },
  ) {
    this.limit = Math.min(bounds.max, Math.max(bounds.min, Math.round(limit)));
  }

  /** A request goes out: its ticket for `answer` and `overloaded`. */
  begin(): number {
    return this.epoch;
  }

  /** A request answered (successfully, or with an error that is not about load) after `latencyMs`. */
  answer(latencyMs: number, ticket = this.epoch): void {
    const latency = Math.max(0, latencyMs);
    this.baselineMs = this.baselineMs === null ? latency : Math.min(latency, this.baselineMs * 1.005 + 0.1);
    this.recentMs = this.recentMs === null ? latency : this.recentMs * 0.7 + latency * 0.3;
    if (ticket !== this.epoch) return;
    this.answered += 1;
    // Decide once per round: as many answers as may be in flight.
    if (this.answered < this.limit) return;
    if (this.recentMs > this.baselineMs * slowFactor + slowSlackMs) {
      this.set(Math.min(this.limit - 1, Math.floor(this.limit * 0.75)));
    } else if (this.recentMs <= this.baselineMs * fastFactor + fastSlackMs) {
      this.set(this.limit + 1);
    } else {
      this.answered = 0;
    }
  }

  /**
   * 429, 503 or a timeout: the server (or something in front of it) is overloaded. Halved once per
   * round, as TCP does per window: the other requests of the same round refused alike say nothing new.
   */
  overloaded(ticket = this.epoch): void {
    if (ticket === this.epoch) this.set(Math.floor(this.limit / 2));
  }

  private set(limit: number): void {
    this.limit = Math.min(this.bounds.max, Math.max(this.bounds.min, limit));
    this.answered = 0;
    this.epoch += 1;
    // The next round is judged by its own answers.
    this.recentMs = null;
  }
}
