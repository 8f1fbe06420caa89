import { measureRelevance } from './relevance.ts';

const r = measureRelevance();
console.log('similar', r.similar.precisionAt3.toFixed(3), r.similar.ndcgAt5.toFixed(3));
for (const c of r.similar.cases)
  console.log(' ', c.id, c.precisionAt3.toFixed(2), c.ndcgAt5.toFixed(2), c.ranked.join(' '));
console.log(
  'search',
  r.search.precisionAt3.toFixed(3),
  r.search.precisionCeilingAt3.toFixed(3),
  r.search.ndcgAt5.toFixed(3),
);
for (const c of r.search.cases)
  console.log(' ', c.id, c.kind, c.precisionAt3.toFixed(2), c.ndcgAt5.toFixed(2), c.ranked.join(' '));
