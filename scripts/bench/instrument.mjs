// What the bench puts into every page before the page's own scripts run
// (page.evaluateOnNewDocument). It only observes: long tasks, layout shifts, when each custom
// element was defined, when storage was written, and — checked once per animation frame —
// when a button became visible or went away. Times are performance.now() (ms since navigation).
//
// `instrumentPage` is serialized into the page, so it must not use anything from this module.

/**
 * @param {{ accept?: string[] }} options  selector path of the button whose first visible frame is timed
 */
export function instrumentPage(options) {
  const bench = {
    longTasks: /** @type {Array<[number, number]>} */ ([]),
    shifts: /** @type {Array<[number, number]>} */ ([]),
    /** [kind, name, time] of every cookie and Web Storage write. */
    writes: /** @type {Array<['cookie' | 'storage', string, number]>} */ ([]),
    /** First define() per custom element name. */
    defines: /** @type {Record<string, number>} */ ({}),
    acceptVisibleAt: /** @type {number | undefined} */ (undefined),
    rejectResult: /** @type {Promise<object> | undefined} */ (undefined),
    find,
    isVisible,
    armReject,
    clickAndWait,
  };
  Object.defineProperty(window, '__candorBench', { value: bench });

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) bench.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of /** @type {any[]} */ (list.getEntries())) {
      if (!entry.hadRecentInput) bench.shifts.push([entry.startTime, entry.value]);
    }
  }).observe({ type: 'layout-shift', buffered: true });

  // Storage writes, timed where they happen: the moment a choice is persisted.
  const cookie = /** @type {PropertyDescriptor} */ (Object.getOwnPropertyDescriptor(Document.prototype, 'cookie'));
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true,
    enumerable: cookie.enumerable,
    get() {
      return cookie.get?.call(this);
    },
    set(value) {
      cookie.set?.call(this, value);
      bench.writes.push(['cookie', String(value).split('=')[0].trim(), performance.now()]);
    },
  });
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    setItem.call(this, key, value);
    bench.writes.push(['storage', String(key), performance.now()]);
  };
  const define = CustomElementRegistry.prototype.define;
  CustomElementRegistry.prototype.define = function (name, ...rest) {
    bench.defines[name] ??= performance.now();
    return define.call(this, name, ...rest);
  };

  if (options.accept) {
    const accept = options.accept;
    const watch = () => {
      if (isVisible(find(accept))) bench.acceptVisibleAt = performance.now();
      else requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  }

  /** The element at a selector path; each selector after the first is looked up in the previous match's shadow root. */
  function find(/** @type {string[]} */ path) {
    /** @type {ParentNode | null} */
    let scope = document;
    /** @type {Element | null} */
    let element = null;
    for (const selector of path) {
      if (!scope) return null;
      element = scope.querySelector(selector);
      if (!element) return null;
      scope = element.shadowRoot;
    }
    return element;
  }

  /** Rendered, not transparent, not hidden, with a box inside the viewport. */
  function isVisible(/** @type {Element | null} */ element) {
    if (!element || !element.isConnected) return false;
    if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
  }

  /**
   * Starts timing a "Reject all" click: from the trusted click event's time stamp to the
   * first frame where the button is gone AND the first write of the consent record after
   * the click. The result lands in `bench.rejectResult`.
   */
  function armReject(/** @type {string[]} */ path, /** @type {{ kind: string, name: string }} */ persist, timeoutMs = 20_000) {
    bench.rejectResult = clickAndWait(
      () => !isVisible(find(path)),
      (clickAt) => bench.writes.find(([kind, name, at]) => kind === persist.kind && name === persist.name && at >= clickAt)?.[2],
      timeoutMs,
    ).then((result) => ({ ...result, stored: readStored(persist) }));
  }

  /**
   * Resolves once, after the next trusted click, `done()` holds in an animation frame and
   * `exactTime(clickAt)` (if given) has a time: { clickAt, frameAt, exactAt } or { timedOut }.
   */
  function clickAndWait(/** @type {() => boolean} */ done, /** @type {(clickAt: number) => number | undefined} */ exactTime = () => 0, timeoutMs = 20_000) {
    return new Promise((resolve) => {
      const started = performance.now();
      /** @type {number | undefined} */
      let clickAt;
      /** @type {number | undefined} */
      let frameAt;
      const onClick = (/** @type {Event} */ event) => {
        if (event.isTrusted && clickAt === undefined) clickAt = event.timeStamp;
      };
      addEventListener('click', onClick, { capture: true });
      const tick = () => {
        if (clickAt !== undefined) {
          if (frameAt === undefined && done()) frameAt = performance.now();
          const exactAt = exactTime(clickAt);
          if (frameAt !== undefined && exactAt !== undefined) {
            removeEventListener('click', onClick, { capture: true });
            resolve({ clickAt, frameAt, exactAt });
            return;
          }
        }
        if (performance.now() - started > timeoutMs) {
          removeEventListener('click', onClick, { capture: true });
          resolve({ timedOut: true, clickAt, frameAt });
          return;
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  }

  function readStored(/** @type {{ kind: string, name: string }} */ persist) {
    if (persist.kind === 'storage') return localStorage.getItem(persist.name);
    const pair = document.cookie.split(/;\s*/).find((entry) => entry.startsWith(`${persist.name}=`));
    return pair === undefined ? null : decodeURIComponent(pair.slice(persist.name.length + 1));
  }
}
