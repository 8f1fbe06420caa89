export { experimentIdParams as paramsSchema } from '../shared-params.ts';
