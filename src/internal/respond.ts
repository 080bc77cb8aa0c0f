/**
 * The one answer path for every Candor event the host must answer (explanations, controls,
 * feedback, profile edits, data requests): the element dispatches a request event, a
 * listener calls `event.respondWith(promise)` synchronously, and the element awaits that
 * promise with a timeout. Modelled on `FetchEvent.respondWith`: the answer is a method on
 * the event, never a field of `detail`, so `detail` stays plain data a host can POST.
 */

/** What an element gets back from a request it dispatched. */
export type RequestOutcome<R> =
  | { status: 'ok'; value: R }
  /** The host's promise rejected (`error` is the rejection reason). */
  | { status: 'error'; error: unknown }
  /** The host's promise did not settle within the timeout. */
  | { status: 'timeout' }
  /** No listener called `respondWith`. */
  | { status: 'unhandled' };

/**
 * What a host answers to an event that asks for an acknowledgement (a control, feedback,
 * a profile edit). Resolve with nothing or `{ ok: true }` to confirm; resolve with
 * `{ ok: false, message }` to decline with a reason the element shows; reject the promise
 * when something failed. `message` (plain text) replaces the element's built-in sentence.
 */
export type Acknowledgement = void | undefined | { ok?: boolean; message?: string };

/** The default time an element waits for a host's answer. */
export const DEFAULT_TIMEOUT_MS = 8000;

/**
 * Base class of every request event. `D` is the plain detail, `R` what the host answers.
 * Events bubble and are composed, so a host can listen once on `document`.
 */
export class CandorRequestEvent<D, R> extends Event {
  readonly detail: D;
  #response: Promise<R> | null = null;
  #sealed = false;

  constructor(type: string, detail: D, init: { cancelable?: boolean } = {}) {
    super(type, { bubbles: true, composed: true, cancelable: init.cancelable ?? false });
    this.detail = detail;
  }

  /**
   * Answers the request. Call it synchronously inside the listener, once; the element waits
   * for the promise (or value) and shows the result.
   */
  respondWith(response: R | PromiseLike<R>): void {
    if (this.#sealed) {
      throw new DOMException(
        `${this.type}: respondWith() must be called synchronously inside the event listener.`,
        'InvalidStateError',
      );
    }
    if (this.#response) {
      throw new DOMException(`${this.type}: respondWith() was already called.`, 'InvalidStateError');
    }
    this.#response = Promise.resolve(response);
  }

  /** The host's answer, or null when nobody answered (yet). */
  get response(): Promise<R> | null {
    return this.#response;
  }

  /** Called by the dispatcher once dispatch is over: later `respondWith` calls throw. */
  seal(): void {
    this.#sealed = true;
  }
}

export interface RequestOptions {
  /** Milliseconds to wait for the host's promise to settle. */
  timeout?: number;
  /** Stops waiting (e.g. the element was removed): the outcome is then `timeout`. */
  signal?: AbortSignal;
}

/** Waits for an already dispatched request event's answer, with a timeout. Never throws. */
export async function awaitResponse<R>(
  event: CandorRequestEvent<unknown, R>,
  { timeout = DEFAULT_TIMEOUT_MS, signal }: RequestOptions = {},
): Promise<RequestOutcome<R>> {
  event.seal();
  const response = event.response;
  if (!response) return { status: 'unhandled' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const expired = new Promise<RequestOutcome<R>>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'timeout' }), Math.max(0, timeout));
    onAbort = () => resolve({ status: 'timeout' });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  const answered = response.then(
    (value): RequestOutcome<R> => ({ status: 'ok', value }),
    (error: unknown): RequestOutcome<R> => ({ status: 'error', error }),
  );
  try {
    return await Promise.race([answered, expired]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}

/** Dispatches a request event from `target` and waits for the answer. Never throws. */
export function request<R>(
  target: EventTarget,
  event: CandorRequestEvent<unknown, R>,
  options?: RequestOptions,
): Promise<RequestOutcome<R>> {
  target.dispatchEvent(event);
  return awaitResponse(event, options);
}

/** How an acknowledged request ended, for the element to show. */
export type AckResult =
  | { status: 'acknowledged'; message: string | null }
  | { status: 'declined'; message: string | null }
  | { status: 'failed'; reason: 'error' | 'timeout' | 'unhandled' };

/** Reads an `Acknowledgement` outcome; a malformed answer counts as acknowledged without a message. */
export function readAcknowledgement(outcome: RequestOutcome<Acknowledgement>): AckResult {
  if (outcome.status !== 'ok') return { status: 'failed', reason: outcome.status };
  const value = outcome.value;
  const message =
    value && typeof value === 'object' && typeof value.message === 'string' && value.message.trim()
      ? value.message.trim().slice(0, 500)
      : null;
  if (value && typeof value === 'object' && value.ok === false) return { status: 'declined', message };
  return { status: 'acknowledged', message };
}
