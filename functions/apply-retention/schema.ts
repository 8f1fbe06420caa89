import * as z from 'zod';

/** An EventBridge scheduled event; only its shape is checked, nothing in it is needed. */
export const inputSchema = z.object({ 'detail-type': z.literal('Scheduled Event') }).passthrough();
