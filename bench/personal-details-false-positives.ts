/**
 * How often the personal-details check fires on ordinary text: the demo set's free text (captured by
 * running the demo loader against a recording fetch, so it is exactly what `npm run demo` sends) and
 * every string literal of 20 characters or more in the repository's tests. Neither holds a real
 * personal detail, so every error or warning printed is a false positive, except in the files listed
 * in DELIBERATE, which exist to hold them.
 *
 *   npx node bench/personal-details-false-positives.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { loadDemoData } from '#infra/local/demo-data.ts';
import {
  CYCLE_TEXT_PATHS,
  DECISION_TEXT_PATHS,
  findPersonalDetails,
  SUBMISSION_TEXT_PATHS,
  type TextField,
  textFields,
} from '#shared/domain/personal-details.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const DELIBERATE = new Set([
  'test/domain/personal-details.test.ts',
  'test/domain/personal-details.property.test.ts',
  'test/domain/redaction.test.ts',
]);
const MIN_LENGTH = 20;

interface Sample extends TextField {
  source: string;
}

const demoTexts = async (): Promise<Sample[]> => {
  const samples: Sample[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const path = new URL(String(input)).pathname;
    const body: unknown = JSON.parse(String(init?.body ?? '{}'));
    const paths = path.endsWith('/cycles')
      ? CYCLE_TEXT_PATHS
      : path.endsWith('/decision')
        ? DECISION_TEXT_PATHS
        : path === '/api/experiments'
          ? SUBMISSION_TEXT_PATHS
          : [];
    for (const field of textFields(body, paths)) samples.push({ ...field, source: `demo ${path}` });
    return new Response(JSON.stringify({ token: 'recorded', id: 'demo', status: 'testing', cycles: [] }), {
      status: 201,
    });
  }) as typeof fetch;
  try {
    await loadDemoData('http://127.0.0.1:1');
  } finally {
    globalThis.fetch = realFetch;
  }
  return samples;
};

const testFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });

const stringLiterals = (file: string): string[] => {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node)) {
      found.push(node.head.text, ...node.templateSpans.map((span) => span.literal.text));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.filter((text) => text.length >= MIN_LENGTH);
};

const testTexts = (): Sample[] =>
  [join(ROOT, 'test'), join(ROOT, 'functions')]
    .flatMap(testFiles)
    .map((file) => relative(ROOT, file))
    .filter((file) => !DELIBERATE.has(file))
    .flatMap((file) => stringLiterals(join(ROOT, file)).map((text) => ({ path: file, text, source: file })));

const report = (name: string, samples: Sample[], today: Date): void => {
  const flagged = samples
    .map((sample) => ({ sample, found: findPersonalDetails(sample.text, today) }))
    .filter(({ found }) => found.errors.length > 0 || found.warnings.length > 0);
  const errors = flagged.filter(({ found }) => found.errors.length > 0).length;
  const warnings = flagged.filter(({ found }) => found.warnings.length > 0).length;
  const rate = (count: number) => (samples.length ? ((100 * count) / samples.length).toFixed(2) : '0.00');
  console.log(`${name}: ${samples.length} texts, ${errors} with an error (${rate(errors)}%),`);
  console.log(`  ${warnings} with a warning (${rate(warnings)}%)`);
  for (const { sample, found } of flagged) {
    const kinds = [...found.errors, ...found.warnings].join(', ');
    console.log(
      `  - ${kinds} in ${sample.source} ${sample.path}: ${JSON.stringify(sample.text.slice(0, 160))}`,
    );
  }
};

const today = new Date();
report('Demo set', await demoTexts(), today);
report(`Test files (string literals of ${MIN_LENGTH}+ characters)`, testTexts(), today);
