// Builds the web UI's vendor scripts into target/classes/static/vendor, run by Maven
// (exec-maven-plugin, generate-resources). `npm ci` runs only when package-lock.json changed
// since the last install, so a rebuild takes about a second. Only the npm registry is used.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ?? join(here, '..', 'target', 'classes', 'static', 'vendor');
const lock = readFileSync(join(here, 'package-lock.json'));
const hash = createHash('sha256').update(lock).digest('hex');
const stamp = join(here, 'node_modules', '.lodestar-lock-sha256');

if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== hash) {
  execSync('npm ci --no-audit --no-fund --loglevel=error', { cwd: here, stdio: 'inherit' });
  writeFileSync(stamp, hash);
}

const esbuild = await import('esbuild');
mkdirSync(out, { recursive: true });
// every src/<name>.js becomes vendor/<name>.js, one browser script exposing window.<Name>
// (form-viewer.js -> window.FormViewer): a new page's bundle is a new file here, nothing more
const globalName = (file) => file.replace(/\.js$/, '').split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('');
for (const file of readdirSync(join(here, 'src')).filter((f) => f.endsWith('.js'))) {
  await esbuild.build({
    entryPoints: [join(here, 'src', file)],
    bundle: true,
    minify: true,
    format: 'iife',
    globalName: globalName(file),
    target: 'es2020',
    outfile: join(out, file),
    loader: { '.svg': 'text', '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.eot': 'dataurl' },
    logLevel: 'warning',
  });
}
const copy = (from, to) => cpSync(join(here, 'node_modules', from), join(out, to), { recursive: true });
copy('@bpmn-io/form-js-viewer/dist/assets/form-js.css', 'form-js.css');
copy('bpmn-js/dist/bpmn-viewer.production.min.js', 'bpmn-viewer.js');
copy('bpmn-js/dist/bpmn-navigated-viewer.production.min.js', 'bpmn-navigated-viewer.js');
copy('bpmn-js/dist/assets/diagram-js.css', 'diagram-js.css');
copy('bpmn-js/dist/assets/bpmn-js.css', 'bpmn-js.css');
copy('bpmn-js/dist/assets/bpmn-font', 'bpmn-font');
copy('echarts/dist/echarts.min.js', 'echarts.js');
console.log('front-end vendor files built in ' + out);
