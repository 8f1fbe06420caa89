import openLearning from '../../docs/open-learning.schema.json' with { type: 'json' };
import type { RouteDoc } from '../route-docs.ts';

export const doc: RouteDoc = {
  summary: 'The learning library as open data',
  description:
    'Leaders download the whole library as open data, in the schema published at `docs/open-learning.schema.json`, under the Open Government Licence. It is gzipped for clients that accept it (`Accept-Encoding: gzip`). Each download is recorded in the audit trail.',
  tag: 'Learning library',
  success: {
    status: 200,
    description: 'The library as open data.',
    jsonSchema: { name: 'OpenLearning', schema: openLearning },
    headers: { 'Content-Encoding': '`gzip` when the request accepted it.' },
  },
  errors: {
    406: 'The library is too large to send uncompressed: ask with `Accept-Encoding: gzip`.',
    409: 'Too many changes were being recorded in the audit trail at that moment. Try again in a few seconds.',
  },
};
