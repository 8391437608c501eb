// ESLint rule `garde/layering`: the import table of DESIGN.md, on resolved paths.
// A relative import is resolved against the importing file and judged by the folder it lands in;
// a bare import by its package name. Files outside app/, main/ and renderer/ are not restricted.
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE_BUILTINS = new Set(builtinModules);
const UI_PACKAGES = [/^react($|-|\/)/, /^dexie($|\/)/, /^@cornerstonejs\//, /^@kitware\/vtk\.js/, /^i18next/, /^react-i18next/];

/** Which layer a repo-relative posix path belongs to. */
export function layerOf(rel) {
  if (rel.startsWith('app/')) return 'app';
  if (rel.startsWith('main/preload/')) return 'preload';
  if (rel.startsWith('main/')) return 'main';
  if (rel.startsWith('renderer/')) return 'renderer';
  if (rel.startsWith('assets/')) return 'assets';
  return 'other';
}

function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isNodeBuiltin(spec) {
  return spec.startsWith('node:') || NODE_BUILTINS.has(packageName(spec));
}

function featureOf(rel) {
  const m = /^renderer\/features\/([^/]+)(\/.*)?$/.exec(rel);
  return m ? { name: m[1], rest: m[2] ?? '' } : undefined;
}

/**
 * Why `fromRel` may not import `spec` (resolved to `targetRel` when relative), or undefined when it may.
 * @param {string} fromRel repo-relative path of the importing file
 * @param {string} spec the import specifier
 * @param {string | undefined} targetRel repo-relative resolved path for relative specifiers
 * @param {string[]} named names imported (for the preload's electron rule)
 */
export function violation(fromRel, spec, targetRel, named) {
  const from = layerOf(fromRel);
  if (from === 'other' || from === 'assets') return undefined;
  if (targetRel !== undefined) {
    const to = layerOf(targetRel);
    if (from === 'app' && !['app', 'assets'].includes(to)) return `app/ may import only app/ (and assets/), not ${targetRel}`;
    if (from === 'preload' && !targetRel.startsWith('app/ipc/')) return `main/preload/ may import only app/ipc/, not ${targetRel}`;
    if (from === 'main' && !['app', 'main', 'assets'].includes(to)) return `main/ may not import ${targetRel}`;
    if (from === 'main' && to === 'preload') return `main/ may not import the preload (${targetRel}); it is a separate bundle`;
    if (from === 'renderer' && !['app', 'renderer', 'assets'].includes(to)) return `renderer/ may not import ${targetRel}`;
    const ff = featureOf(fromRel);
    const tf = featureOf(targetRel);
    if (from === 'renderer' && tf && (!ff || ff.name !== tf.name) && !/^(\/index(\.tsx?)?)?$/.test(tf.rest)) {
      return `features are imported only through their index.ts: use renderer/features/${tf.name}`;
    }
    return undefined;
  }
  const pkg = packageName(spec);
  if (from === 'app') {
    if (isNodeBuiltin(spec)) return `app/ is pure TypeScript: no Node built-in (${spec})`;
    if (pkg === 'electron') return 'app/ may not import electron';
    if (UI_PACKAGES.some((re) => re.test(spec))) return `app/ may not import UI or browser packages (${spec})`;
    return undefined;
  }
  if (from === 'preload') {
    if (pkg !== 'electron') return `main/preload/ may import only electron's contextBridge and ipcRenderer, not ${spec}`;
    const extra = named.filter((n) => n !== 'contextBridge' && n !== 'ipcRenderer');
    if (named.length === 0 || extra.length > 0) return `main/preload/ may import only contextBridge and ipcRenderer from electron`;
    return undefined;
  }
  if (from === 'main') {
    if (UI_PACKAGES.some((re) => re.test(spec))) return `main/ may not import renderer packages (${spec})`;
    return undefined;
  }
  if (from === 'renderer') {
    if (isNodeBuiltin(spec)) return `renderer/ may not import Node built-ins (${spec})`;
    if (pkg === 'electron') return 'renderer/ may not import electron: use renderer/bridge.ts';
  }
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the import layering of DESIGN.md' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: { layering: '{{why}}' },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = context.filename;
    const fromRel = path.relative(root, file).split(path.sep).join('/');
    function check(node, source, named) {
      if (!source || typeof source.value !== 'string') return;
      const spec = source.value;
      const targetRel = spec.startsWith('.')
        ? path.relative(root, path.resolve(path.dirname(file), spec)).split(path.sep).join('/')
        : undefined;
      const why = violation(fromRel, spec, targetRel, named);
      if (why) context.report({ node: source, messageId: 'layering', data: { why } });
    }
    return {
      ImportDeclaration(node) {
        const named = node.specifiers.map((s) => (s.type === 'ImportSpecifier' ? (s.imported.name ?? s.imported.value) : '*'));
        check(node, node.source, named);
      },
      ExportNamedDeclaration(node) {
        if (node.source) check(node, node.source, ['*']);
      },
      ExportAllDeclaration(node) {
        check(node, node.source, ['*']);
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source, ['*']);
      },
      CallExpression(node) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node, node.arguments[0], ['*']);
        }
      },
    };
  },
};

export default { rules: { layering: rule } };
