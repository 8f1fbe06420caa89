/**
 * The registry's scheduled functions on one machine: what EventBridge does in AWS. Each runs once at
 * start (the runtime waits for that round, so a new system is settled before it answers), then at its
 * own rate (`rate(5 minutes)`) or at the interval the local runtime was given for it (to try it in
 * seconds). A schedule never runs twice at once; a failure is logged and the next round runs as usual;
 * stopping waits for the rounds under way, so none outlives the table.
 */
export interface LocalSchedule {
  name: string;
  seconds: number;
  run: () => Promise<unknown>;
}

const UNITS: Record<string, number> = {
  minute: 60,
  minutes: 60,
  hour: 3600,
  hours: 3600,
  day: 86_400,
  days: 86_400,
};

/** The seconds between runs of an EventBridge `rate(...)` expression; cron expressions are not run locally. */
export const rateSeconds = (expression: string): number | undefined => {
  const match = /^rate\((\d+) (\w+)\)$/.exec(expression);
  const unit = match?.[2] ? UNITS[match[2]] : undefined;
  return match && unit ? Number(match[1]) * unit : undefined;
};

export const startSchedules = (
  schedules: LocalSchedule[],
): { first: Promise<void>; stop(): Promise<void> } => {
  const running = new Map<string, Promise<unknown>>();
  let stopped = false;
  const tick = (schedule: LocalSchedule) => {
    if (stopped || running.has(schedule.name)) return running.get(schedule.name);
    const round = schedule
      .run()
      .catch((error: unknown) => console.error(`scheduled ${schedule.name}:`, error))
      .finally(() => running.delete(schedule.name));
    running.set(schedule.name, round);
    return round;
  };
  const first = Promise.all(schedules.map(tick)).then(() => undefined);
  const timers = schedules.map((schedule) => {
    const timer = setInterval(() => tick(schedule), schedule.seconds * 1000);
    timer.unref();
    return timer;
  });
  return {
    first,
    async stop() {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      await Promise.allSettled(running.values());
    },
  };
};
