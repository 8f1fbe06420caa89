/**
 * CPU time spent by this Node process (the handlers, the local Step Functions service and the load
 * generator) and by DynamoDB Local's Java process, to say which of the two limits a figure.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { round } from './measure.ts';

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export interface CpuSample {
  nodeMs: number;
  javaMs: number;
  at: number;
}

/** DynamoDB Local's pid, from the pid file the runtime keeps in the data folder. */
export const javaPid = (dataDir: string): number | undefined => {
  try {
    return Number(readFileSync(join(dataDir, 'dynamodb', 'dynamodb-local.pid'), 'utf8')) || undefined;
  } catch {
    return undefined;
  }
};

const javaCpuMs = (pid: number | undefined): number => {
  if (!pid) return Number.NaN;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1000;
  } catch {
    return Number.NaN;
  }
};

export const cpuSample = (pid: number | undefined): CpuSample => {
  const usage = process.cpuUsage();
  return { nodeMs: (usage.user + usage.system) / 1000, javaMs: javaCpuMs(pid), at: performance.now() };
};

export interface CpuUse {
  wallMs: number;
  nodeMs: number;
  javaMs: number;
  /** Share of one core each process used over the interval. */
  nodeCores: number;
  javaCores: number;
}

export const cpuUse = (from: CpuSample, to: CpuSample): CpuUse => {
  const wallMs = to.at - from.at;
  const nodeMs = to.nodeMs - from.nodeMs;
  const javaMs = to.javaMs - from.javaMs;
  return {
    wallMs: round(wallMs),
    nodeMs: round(nodeMs),
    javaMs: round(javaMs),
    nodeCores: round(nodeMs / wallMs, 2),
    javaCores: round(javaMs / wallMs, 2),
  };
};
