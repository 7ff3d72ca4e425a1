// Bundles the debtor's embeddable widget (console/src/widget, plain TypeScript, no Angular) into one
// script beside the built console, so the server serves it as /widget/recupera-widget.js with its
// demo page /widget/demo.html. Run by `nx build console` after the Angular build (which empties
// dist/console first). --outdir=<dir> writes elsewhere.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'console/src/widget');
const outArg = process.argv.find((arg) => arg.startsWith('--outdir='));
const outdir = resolve(outArg ? outArg.slice('--outdir='.length) : join(root, 'dist/console/browser/widget'));
const shared = join(root, 'shared/src');

/**
 * The shared library is imported through its index; its modules have no side effects, and saying
 * so lets esbuild drop every one the widget does not use (the bundle stays small).
 */
const sharedIsPure = {
  name: 'shared-is-pure',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const resolved = await pluginBuild.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'resolving',
      });
      if (resolved.errors.length > 0 || !resolved.path.startsWith(shared)) return resolved;
      return { ...resolved, sideEffects: false };
    });
  },
};

await mkdir(outdir, { recursive: true });
await build({
  entryPoints: { 'recupera-widget': join(source, 'main.ts') },
  outdir,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: ['es2020', 'chrome90', 'firefox90', 'safari15'],
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  tsconfig: join(root, 'console/tsconfig.app.json'),
  plugins: [sharedIsPure],
  logLevel: 'warning',
});
await copyFile(join(source, 'demo.html'), join(outdir, 'demo.html'));
