// The page's own side of Candor, as a site writes it: answers the "why" popover and
// acknowledges feedback. scripts/check-dist.mjs reads what the page shows and the events.
const EXPLANATION = {
  kind: 'recommendation',
  headline: 'Recommended because you looked at trail shoes',
  topic: 'trail running',
  reasons: [
    { kind: 'your-activity', label: 'You viewed 3 trail shoes this week', weight: 0.7, signal: 'views' },
    { kind: 'popularity', label: 'Popular with other visitors', weight: 0.3 },
  ],
  dataCategories: ['Products you viewed'],
  omittedReasons: 0,
};

document.addEventListener('candor-explanation-request', (event) => {
  event.respondWith(Promise.resolve({ ...EXPLANATION }));
});
document.addEventListener('candor-feedback', (event) => {
  event.respondWith(Promise.resolve({ message: `Thanks, noted for ${event.detail.itemId}.` }));
});
