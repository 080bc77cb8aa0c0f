// The scaling page's host: answers every request at once from memory (so the bench measures
// Candor, not a backend) and records when every item has rendered.
const EXPLANATION = {
  kind: 'recommendation',
  headline: 'Recommended because you read about trail running',
  topic: 'trail running',
  reasons: [
    { kind: 'your-activity', label: 'You read 3 articles about trail running this week', weight: 0.6, signal: 'reading-history' },
    { kind: 'popularity', label: 'Popular with readers in your region', weight: 0.3 },
    { kind: 'recency', label: 'New this week', weight: 0.1 },
  ],
  dataCategories: ['Articles you read', 'Approximate region'],
  omittedReasons: 0,
  mainParametersUrl: '/how-recommendations-work',
};

document.addEventListener('candor-explanation-request', (event) => {
  event.respondWith(Promise.resolve(structuredClone(EXPLANATION)));
});
document.addEventListener('candor-feedback', (event) => event.respondWith(Promise.resolve({ ok: true })));

await Promise.all([customElements.whenDefined('candor-why'), customElements.whenDefined('candor-feedback')]);
const elements = [...document.querySelectorAll('candor-why, candor-feedback')];
await Promise.all(elements.map((element) => element.updateComplete));
/** Read by scripts/bench/scaling.mjs: when every item had rendered, and how many there were. */
window.candorBenchScaling = { renderedAt: performance.now(), elements: elements.length };
