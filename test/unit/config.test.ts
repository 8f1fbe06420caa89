import { describe, expect, it } from 'vitest';
import { readConfig } from '#shared/config.ts';

const base = { TABLE_NAME: 't', STATE_MACHINE_ARN: 'arn:aws:states:eu-west-2:1:stateMachine:m' };

describe('retention settings', () => {
  it('default to the spec’s 72 months for experiments and the audit trail', () => {
    // Act
    const config = readConfig(base);

    // Assess
    expect(config.retention).toEqual({ months: 72 });
    expect(config.auditRetentionMonths).toBe(72);
  });

  it('take the council’s own retention schedule', () => {
    // Act
    const config = readConfig({ ...base, RETENTION_MONTHS: '24', AUDIT_RETENTION_MONTHS: '84' });

    // Assess
    expect(config.retention).toEqual({ months: 24 });
    expect(config.auditRetentionMonths).toBe(84);
  });

  it.each(['0', '-1', '1.5', 'six', '1201'])(
    'refuse %s months, rather than keep records for a wrong time',
    (value) => {
      // Act / Assess
      expect(() => readConfig({ ...base, RETENTION_MONTHS: value })).toThrow(/RETENTION_MONTHS must be/);
      expect(() => readConfig({ ...base, AUDIT_RETENTION_MONTHS: value })).toThrow(
        /AUDIT_RETENTION_MONTHS must be/,
      );
    },
  );

  it('never read seconds from the environment: RETENTION_SECONDS is for the local runtime alone', () => {
    // Act / Assess
    expect(readConfig({ ...base, RETENTION_SECONDS: '5' }).retention).toEqual({ months: 72 });
  });
});
