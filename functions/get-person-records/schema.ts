export { personIdParams as paramsSchema } from '../shared-params.ts';
