// adapter-node, plus ./response-headers.js in the build, imported before anything else by its
// index.js: `node build` (and scripts/cluster.js, which imports build/index.js) then sends nosniff
// and Referrer-Policy on static files too, which adapter-node serves without running the hooks.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNTIME = fileURLToPath(new URL('./response-headers.js', import.meta.url));
const IMPORT = "import './response-headers.js';\n";

/** Wraps an adapter-node instance whose output folder is `out`. */
export function withResponseHeaders(adapter, out) {
	return {
		...adapter,
		async adapt(builder) {
			await adapter.adapt.call(adapter, builder);
			copyFileSync(RUNTIME, join(out, 'response-headers.js'));
			const index = join(out, 'index.js');
			const code = readFileSync(index, 'utf8');
			if (!code.startsWith(IMPORT)) writeFileSync(index, IMPORT + code);
		}
	};
}
