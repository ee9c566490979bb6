import { chatBenchmarks } from './chat.ts';
import { emailBenchmarks } from './email.ts';
import { emotionBenchmarks } from './emotion.ts';
import { reportsBenchmarks } from './reports.ts';
import { routingBenchmarks } from './routing.ts';
import { searchBenchmarks } from './search.ts';
import { sizeBenchmarks } from './size.ts';
import { startBenchmarks } from './start.ts';
import { storeBenchmarks } from './store.ts';
import { voiceBenchmarks } from './voice.ts';
import { waitsBenchmarks } from './waits.ts';

export interface Figure {
  bench: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  notes: string;
}

const suites: Record<string, () => Promise<Figure[]>> = {
  size: sizeBenchmarks,
  start: startBenchmarks,
  chat: chatBenchmarks,
  routing: routingBenchmarks,
  emotion: emotionBenchmarks,
  search: searchBenchmarks,
  voice: voiceBenchmarks,
  waits: waitsBenchmarks,
  store: storeBenchmarks,
  email: emailBenchmarks,
  reports: reportsBenchmarks,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !suites[w]);
if (unknown.length) {
  process.stderr.write(`Unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(suites).join(', ')}\n`);
  process.exit(2);
}
for (const [name, suite] of Object.entries(suites)) {
  if (wanted.length && !wanted.includes(name)) continue;
  for (const figure of await suite()) process.stdout.write(`${JSON.stringify(figure)}\n`);
}
process.exit(0);
