/** Prints where the CPU went in the newest .cpuprofile of a folder, by package or source file (self time). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'bench/.build/profile';
const file = readdirSync(dir)
  .filter((f) => f.endsWith('.cpuprofile'))
  .sort()
  .at(-1);
if (!file) throw new Error(`No .cpuprofile in ${dir}`);

type Node = { callFrame: { functionName: string; url: string }; hitCount?: number };
const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { nodes: Node[] };
const bySource = new Map<string, number>();
let total = 0;
for (const node of profile.nodes) {
  const hits = node.hitCount ?? 0;
  total += hits;
  const { url, functionName } = node.callFrame;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  const source =
    pkg ??
    (url.startsWith('file://')
      ? url.replace(/^.*?\/(shared|functions|infra|bench|test)\//, '$1/')
      : `(${functionName || 'native'})`);
  bySource.set(source, (bySource.get(source) ?? 0) + hits);
}
for (const [source, hits] of [...bySource].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.log(`${((hits / total) * 100).toFixed(1).padStart(5)}%  ${source}`);
