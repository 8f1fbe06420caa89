import { App } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { readConfig } from '#infra/stacks/stack-config.ts';

const read = (context: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) =>
  readConfig(new App({ context }), env);

describe('readConfig', () => {
  it('gives a dev stack that signs in on localhost and names its secret by stage', () => {
    // Act
    const config = read({});

    // Assess
    expect(config).toMatchObject({
      stage: 'dev',
      callbackUrls: ['http://localhost:3000/auth/callback'],
      logoutUrls: ['http://localhost:3000/'],
      publicUrl: 'http://localhost:3000',
      notifySecretName: 'fail-forward/dev/govuk-notify-api-key',
      logRetention: RetentionDays.THREE_MONTHS,
      requireMfa: false,
      reservedConcurrency: undefined,
      originVerifySecretName: 'fail-forward/dev/origin-verify',
      apiDomains: undefined,
      webDistributionId: undefined,
    });
  });

  it('gives a prod stack MFA, a year of logs and reserved concurrency unless told otherwise', () => {
    // Act
    const config = read({ stage: 'prod', callbackUrls: 'https://failforward.example.gov.uk/auth/callback' });

    // Assess
    expect(config).toMatchObject({
      requireMfa: true,
      logRetention: RetentionDays.ONE_YEAR,
      reservedConcurrency: 10,
      originVerifySecretName: 'fail-forward/prod/origin-verify',
    });
  });

  it('keeps the switches: MFA optional and longer logs in prod when asked, from context or environment', () => {
    // Act
    const fromContext = read({
      stage: 'prod',
      callbackUrls: 'https://failforward.example.gov.uk/auth/callback',
      requireMfa: 'false',
      logRetentionDays: 731,
    });
    const fromEnv = read(
      { stage: 'prod', callbackUrls: 'https://failforward.example.gov.uk/auth/callback' },
      { FAIL_FORWARD_REQUIRE_MFA: 'false' },
    );

    // Assess
    expect(fromContext).toMatchObject({ requireMfa: false, logRetention: RetentionDays.TWO_YEARS });
    expect(fromEnv.requireMfa).toBe(false);
  });

  it('reads the distribution id that adds the CloudFront alarm stack', () => {
    // Act
    const config = read({ webDistributionId: 'E2QWRUHAPOMQZL' });

    // Assess
    expect(config.webDistributionId).toBe('E2QWRUHAPOMQZL');
  });

  it('reads lists from context as JSON or comma-separated text', () => {
    // Act
    const fromJson = read({ callbackUrls: '["https://a.example/cb","https://b.example/cb"]' });
    const fromText = read({ callbackUrls: 'https://a.example/cb, https://b.example/cb' });

    // Assess
    expect(fromJson.callbackUrls).toEqual(['https://a.example/cb', 'https://b.example/cb']);
    expect(fromText.callbackUrls).toEqual(fromJson.callbackUrls);
    expect(fromText.publicUrl).toBe('https://a.example');
  });

  it('lets an environment variable override cdk.json context', () => {
    // Act
    const config = read(
      { stage: 'dev', logRetentionDays: 90 },
      {
        FAIL_FORWARD_STAGE: 'prod',
        FAIL_FORWARD_CALLBACK_URLS: 'https://failforward.example.gov.uk/auth/callback',
        FAIL_FORWARD_LOG_RETENTION_DAYS: '731',
        FAIL_FORWARD_RESERVED_CONCURRENCY: 'none',
      },
    );

    // Assess
    expect(config.stage).toBe('prod');
    expect(config.logRetention).toBe(RetentionDays.TWO_YEARS);
    expect(config.reservedConcurrency).toBeUndefined();
  });

  it.each([
    [{ stage: 'staging' }, /stage must be dev or prod/],
    [{ stage: 'prod' }, /callbackUrls is required in prod/],
    [{ stage: 'prod', callbackUrls: 'http://localhost:3000/cb' }, /must not point at localhost in prod/],
    [{ callbackUrls: 'http://example.org/cb' }, /must use https/],
    [{ logRetentionDays: 45 }, /logRetentionDays must be one of/],
    [{ notifyTemplateIds: '["x"]' }, /notifyTemplateIds must be a JSON object/],
    [{ authDomainPrefix: 'Fail_Forward' }, /authDomainPrefix/],
    [{ reservedConcurrency: 0 }, /reservedConcurrency must be a whole number/],
    [{ reservedConcurrency: 'lots' }, /reservedConcurrency must be a whole number/],
    [
      {
        stage: 'prod',
        callbackUrls: 'https://failforward.example.gov.uk/auth/callback',
        logRetentionDays: 90,
      },
      /logRetentionDays must be at least 365 in prod/,
    ],
    [
      { webDistributionId: 'd111111abcdef8.cloudfront.net' },
      /webDistributionId must be a CloudFront distribution id/,
    ],
    [{ councilId: 'Monmouthshire CC' }, /councilId must be a slug/],
  ])('refuses %j', (context, message) => {
    // Act
    const attempt = () => read(context);

    // Assess
    expect(attempt).toThrow(message);
  });

  it('names the council that publishes the open data, its id made from its name unless set', () => {
    // Act
    const unset = read({});
    const named = read({ councilName: 'Cyngor Sir Ynys Môn' });
    const fromEnv = read(
      { councilName: 'Isle of Anglesey County Council' },
      { FAIL_FORWARD_COUNCIL_ID: 'anglesey' },
    );

    // Assess
    expect(unset.council).toEqual({
      name: 'Monmouthshire County Council',
      id: 'monmouthshire-county-council',
    });
    expect(named.council).toEqual({ name: 'Cyngor Sir Ynys Môn', id: 'cyngor-sir-ynys-mon' });
    expect(fromEnv.council).toEqual({ name: 'Isle of Anglesey County Council', id: 'anglesey' });
  });

  it("passes the statements' settings to the pages only when set, and refuses a bad one", () => {
    // Act
    const unset = read({});
    const set = read({ dpoEmail: 'dpo@anglesey.gov.uk', accessibilityTestedOn: '2026-12-01' });
    const attempt = () => read({ accessibilityEmail: 'not an address' });

    // Assess
    expect(unset.statements).toEqual({});
    expect(set.statements).toEqual({
      DPO_EMAIL: 'dpo@anglesey.gov.uk',
      ACCESSIBILITY_TESTED_ON: '2026-12-01',
    });
    expect(attempt).toThrow(/ACCESSIBILITY_EMAIL must be an email address/);
  });
});
