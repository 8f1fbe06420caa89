import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_NAMES } from '#functions/catalogue.ts';
import { buildAllFunctions } from '#infra/constructs/function-bundles.ts';

let outdir: string;

// The other infra tests skip bundling; this one builds every function once, as `npm run synth` does.
beforeAll(() => {
  outdir = buildAllFunctions();
});

describe('function bundles', () => {
  it.each(FUNCTION_NAMES)(
    'builds %s as an ESM bundle with the createRequire banner and a source map',
    (name) => {
      // Act
      const code = readFileSync(join(outdir, name, 'index.mjs'), 'utf8');

      // Assess
      expect(code.startsWith("import { createRequire as __ffCreateRequire } from 'node:module';")).toBe(true);
      expect(code).toMatch(/export\s*\{[^}]*\bas handler\b[^}]*\}/);
      expect(code).toContain('//# sourceMappingURL=index.mjs.map');
      expect(existsSync(join(outdir, name, 'index.mjs.map'))).toBe(true);
    },
  );

  it('leaves the AWS SDK to the Node.js 24 runtime and keeps sources out of the maps', () => {
    // Prepare
    const name = 'submit-experiment';

    // Act
    const code = readFileSync(join(outdir, name, 'index.mjs'), 'utf8');
    const map = JSON.parse(readFileSync(join(outdir, name, 'index.mjs.map'), 'utf8')) as {
      sources: string[];
      sourcesContent?: unknown;
    };

    // Assess
    expect(code).toMatch(/from\s*"@aws-sdk\/client-(dynamodb|sfn)"/);
    expect(map.sources.some((s) => s.endsWith('functions/submit-experiment/handler.ts'))).toBe(true);
    expect(map.sourcesContent).toBeUndefined();
  });
});
