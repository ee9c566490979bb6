import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module without types, run by node directly in `npm test`.
import { checkTree, circlesOf, importsOf } from './architecture.mjs';

const tree = (files: Record<string, string>) => new Map(Object.entries(files));
const clean = {
  'core/context.ts': "import type { Db } from './db/client.ts';\n",
  'core/db/client.ts': 'export interface Db {}\n',
  'modules/teams/index.ts': "export { agents } from './agents.ts';\n",
  'modules/teams/agents.ts': "import type { Db } from '../../core/db/client.ts';\nexport const agents = {};\n",
  'modules/conversations/index.ts': "export { append } from './append.ts';\n",
  'modules/conversations/append.ts': "import { agents } from '../teams/index.ts';\nexport const append = agents;\n",
  'channels/widget/routes.ts': "import { append } from '../../modules/conversations/index.ts';\n",
  'server.ts': "import { append } from './modules/conversations/append.ts';\n",
};

describe('the architecture check', () => {
  it('passes a tree that keeps the rules', () => {
    expect(checkTree(tree(clean))).toEqual([]);
  });

  it('fails a module that reaches into another module past its index.ts', () => {
    const planted = { ...clean, 'modules/conversations/append.ts': "import { agents } from '../teams/agents.ts';\n" };
    expect(checkTree(tree(planted))).toEqual([
      'modules/conversations/append.ts imports modules/teams/agents.ts: other modules are imported through their index.ts (modules/teams/index.ts)',
    ]);
  });

  it('fails core importing a module, and a module importing a channel or the composition root', () => {
    const planted = {
      ...clean,
      'core/context.ts': "import { agents } from '../modules/teams/index.ts';\n",
      'modules/teams/agents.ts': "import '../../channels/store/counter.ts';\nimport { x } from '../../main.ts';\n",
    };
    expect(checkTree(tree(planted))).toEqual([
      'core/context.ts imports modules/teams/index.ts: core/ imports no module, channel or composition file',
      'modules/teams/agents.ts imports channels/store/counter.ts: modules and channels do not import channels',
      'modules/teams/agents.ts imports main.ts: a module does not import the composition root',
    ]);
  });

  it('fails an import circle, type-only imports included', () => {
    const planted = { ...clean, 'modules/teams/agents.ts': "import type { append } from '../conversations/index.ts';\n" };
    const problems = checkTree(tree(planted));
    expect(problems.some((p: string) => p.startsWith('import circle:') && p.includes('modules/teams/agents.ts'))).toBe(true);
  });

  it('fails a file over 400 lines', () => {
    const planted = { ...clean, 'modules/teams/agents.ts': 'export const a = 1;\n'.repeat(401) };
    expect(checkTree(tree(planted))).toEqual(['modules/teams/agents.ts has 401 lines: split it (at most 400)']);
  });

  it('reads static, type-only, re-exporting and dynamic imports', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "export { c } from './c.ts';",
      "const d = await import('./d.ts');",
      "import pg from 'pg';",
      'import {\n  e,\n  f,\n} from "./ef.ts";',
    ].join('\n');
    expect(importsOf(text)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.ts', './ef.ts']);
  });

  it('finds each circle once', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['a', 'c']],
      ['c', []],
    ]);
    expect(circlesOf(graph)).toEqual([['a', 'b']]);
  });
});
