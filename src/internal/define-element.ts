/**
 * Registers a Candor element once. A second copy of Candor on the page (another version,
 * or the same one bundled twice) finds the tag taken: it warns and keeps the first copy's
 * element instead of throwing, so the page keeps working.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (!existing) customElements.define(tag, element);
  else if (existing !== element) {
    console.warn(`Candor: <${tag}> is already defined by another copy of the library on this page; that copy's element is used.`);
  }
}
