export { scheduledEvent as inputSchema } from '../shared-params.ts';
