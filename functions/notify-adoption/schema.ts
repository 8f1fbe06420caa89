export { experimentTaskInput as inputSchema } from '../shared-params.ts';
