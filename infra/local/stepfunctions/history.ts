/** One history event as stored: AWS's shape without the ids, which follow from the position. */
export interface HistoryEvent {
  type: string;
  /** Epoch milliseconds. */
  timestamp: number;
  details?: Record<string, unknown>;
}

export const historyEvent = (
  type: string,
  details?: Record<string, unknown>,
  timestamp = Date.now(),
): HistoryEvent => (details ? { type, timestamp, details } : { type, timestamp });

/** Step Functions carries inputs and outputs as JSON strings. */
export const jsonText = (value: unknown): string => JSON.stringify(value ?? null);

export const dataDetails = (key: 'input' | 'output', value: unknown): Record<string, unknown> => ({
  [key]: jsonText(value),
  [`${key}Details`]: { truncated: false },
});

export type TaskResource = { resourceType: string; resource: string };

/** `arn:aws:states:::lambda:invoke.waitForTaskToken` → lambda / invoke.waitForTaskToken, as AWS reports it. */
export const taskResource = (resource: string): TaskResource => {
  const match = /^arn:aws:states:[^:]*:[^:]*:([^:]+):(.+)$/.exec(resource);
  if (match?.[1] && match[2]) return { resourceType: match[1], resource: match[2] };
  return { resourceType: 'lambda', resource };
};

const detailsKey = (type: string): string => {
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  return `${type.charAt(0).toLowerCase()}${type.slice(1)}EventDetails`;
};

const DATA_FIELDS = ['input', 'output', 'parameters'];

/** Events as GetExecutionHistory returns them; the SDK reads timestamps as epoch seconds. */
export const toAwsEvents = (
  events: HistoryEvent[],
  includeExecutionData: boolean,
): Record<string, unknown>[] =>
  events.map((event, index) => {
    const aws: Record<string, unknown> = {
      id: index + 1,
      previousEventId: index,
      timestamp: event.timestamp / 1000,
      type: event.type,
    };
    if (event.details) {
      const details = { ...event.details };
      if (!includeExecutionData) {
        for (const field of DATA_FIELDS) {
          delete details[field];
          delete details[`${field}Details`];
        }
      }
      aws[detailsKey(event.type)] = details;
    }
    return aws;
  });
