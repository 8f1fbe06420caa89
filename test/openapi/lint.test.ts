import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '#infra/constructs/function-bundles.ts';

const run = promisify(execFile);

interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: { ruleId: string; severity: string; message: string }[];
}

/** `redocly lint --format json` with the project's redocly.yaml; it exits 1 when it finds an error. */
const lint = async (): Promise<LintReport> => {
  const cli = join(PROJECT_ROOT, 'node_modules', '.bin', 'redocly');
  const args = ['lint', 'docs/openapi.json', '--format', 'json', '--config', 'redocly.yaml'];
  const options = {
    cwd: PROJECT_ROOT,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  };
  const { stdout } = await run(cli, args, options).catch((error: { stdout?: string }) => ({
    stdout: error.stdout ?? '',
  }));
  return JSON.parse(stdout) as LintReport;
};

describe('the OpenAPI document, linted by Redocly', () => {
  it('has no error and no warning under redocly.yaml (recommended-strict)', { timeout: 60_000 }, async () => {
    // Act
    const report = await lint();

    // Assess
    expect(report.problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 0 });
  });
});
