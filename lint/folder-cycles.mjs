// ESLint rule: no cycles between folders. A folder is an API feature (api/src/<feature>), a console
// feature (web/src/<feature>), the root files of either, or a whole package (domain, reports,
// migrations, test). Type-only imports are left out: they are erased at build time and run nothing.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['api/src', 'web/src', 'domain/src', 'reports/src', 'migrations', 'test'];
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"](\.[^'"]+)['"]/gm;

/** The folder a repository path belongs to. */
export function folderOf(path) {
  const parts = path.split('/');
  if ((parts[0] === 'api' || parts[0] === 'web') && parts[1] === 'src') {
    // `../imports` names the folder (its index), not a root file.
    const isFolder = parts.length > 3 || (existsSync(join(ROOT, path)) && statSync(join(ROOT, path)).isDirectory());
    return `${parts[0]}/${isFolder ? parts[2] : '(root)'}`;
  }
  return parts[0];
}

/** Which packages each package may import (docs/architecture.md): the layers point one way. */
export const PACKAGE_IMPORTS = {
  domain: [],
  reports: ['domain'],
  web: ['domain'],
  migrations: ['domain'],
  api: ['domain', 'reports', 'migrations'],
  test: ['domain', 'reports', 'migrations', 'api', 'web'],
};

function* sourceFiles(dir) {
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'dist') yield* sourceFiles(path);
    else if (/\.tsx?$/.test(entry.name)) yield path;
  }
}

/** Folder -> folder -> the first import seen that makes that arrow (file and line). */
function folderGraph() {
  const graph = new Map();
  for (const dir of SOURCES) {
    for (const file of sourceFiles(dir)) {
      const from = folderOf(file);
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const match of text.matchAll(IMPORT)) {
        const to = folderOf(relative(ROOT, resolve(ROOT, dirname(file), match[1])));
        if (to === from) continue;
        if (!graph.has(from)) graph.set(from, new Map());
        if (!graph.get(from).has(to)) graph.get(from).set(to, file);
      }
    }
  }
  return graph;
}

/** A path of arrows from `start` back to `target`, if there is one. */
function pathBack(graph, start, target, seen = new Set()) {
  if (start === target) return [target];
  seen.add(start);
  for (const next of graph.get(start)?.keys() ?? []) {
    if (seen.has(next)) continue;
    const rest = pathBack(graph, next, target, seen);
    if (rest) return [start, ...rest];
  }
  return null;
}

let cached;

/** ESLint rule: a package imports only the packages PACKAGE_IMPORTS allows it. */
export const packageBoundaries = {
  meta: { type: 'problem', docs: { description: 'packages import only the packages below them' }, schema: [] },
  create(context) {
    const from = relative(ROOT, context.filename).split('/')[0];
    const allowed = PACKAGE_IMPORTS[from];
    if (!allowed) return {};
    return {
      'ImportDeclaration, ExportNamedDeclaration, ExportAllDeclaration'(node) {
        const source = node.source?.value;
        if (typeof source !== 'string' || !source.startsWith('.')) return;
        const to = relative(ROOT, resolve(dirname(context.filename), source)).split('/')[0];
        if (to !== from && !allowed.includes(to)) {
          context.report({
            node,
            message: `${from}/ may import only ${allowed.join(', ') || 'nothing of the other packages'}, not ${to}/`,
          });
        }
      },
    };
  },
};

export default {
  meta: { type: 'problem', docs: { description: 'no import cycles between folders' }, schema: [] },
  create(context) {
    const file = relative(ROOT, context.filename);
    cached ??= folderGraph();
    const from = folderOf(file);
    return {
      ImportDeclaration(node) {
        if (node.importKind === 'type' || !node.source.value.startsWith('.')) return;
        const to = folderOf(relative(ROOT, resolve(dirname(context.filename), node.source.value)));
        if (to === from) return;
        const back = pathBack(cached, to, from);
        if (back) context.report({ node, message: `folder cycle: ${[from, ...back].join(' -> ')}` });
      },
    };
  },
};
