// Every page, form action and endpoint under src/routes, read from the file system, so tests that
// must cover all of them (who may use what, malformed requests) notice a new one.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROUTES = resolve('src/routes');

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'fallback'];

function exportedNames(file: string): Set<string> {
	const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
	const names = new Set<string>();
	const isExported = (n: ts.Node) =>
		ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
	for (const s of src.statements) {
		if (ts.isFunctionDeclaration(s) && s.name && isExported(s)) names.add(s.name.text);
		if (ts.isVariableStatement(s) && isExported(s))
			for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
		if (ts.isExportDeclaration(s) && s.exportClause && ts.isNamedExports(s.exportClause))
			for (const e of s.exportClause.elements) names.add(e.name.text);
	}
	return names;
}

/** The names of the form actions in a +page.server.ts (`export const actions = { a, b: …, c() {} }`). */
function actionNames(file: string): string[] {
	const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
	for (const s of src.statements) {
		if (!ts.isVariableStatement(s)) continue;
		for (const d of s.declarationList.declarations) {
			if (!ts.isIdentifier(d.name) || d.name.text !== 'actions' || !d.initializer) continue;
			let init: ts.Expression = d.initializer;
			while (ts.isSatisfiesExpression(init) || ts.isAsExpression(init) || ts.isParenthesizedExpression(init)) init = init.expression;
			if (!ts.isObjectLiteralExpression(init)) throw new Error(`${file}: cannot read the actions object`);
			return init.properties.map((p) => {
				if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)))
					throw new Error(`${file}: cannot read an action name`);
				return p.name.text;
			});
		}
	}
	return [];
}

/** "GET /q/[id]", "POST /account?/revoke", "POST /login" (default action), "GET /api/v1/profile" (+server.ts). */
export function discoverEndpoints(dir = ROUTES): string[] {
	const out: string[] = [];
	const files = readdirSync(dir);
	// Route ids as SvelteKit writes them: (groups) do not appear in the URL.
	const id = ('/' + relative(ROUTES, dir).split('/').filter((p) => p && !/^\(.*\)$/.test(p)).join('/')).replace(/\/$/, '') || '/';
	const has = (f: string) => files.includes(f);
	if (has('+page.svelte') || has('+page.server.ts') || has('+page.ts')) out.push(`GET ${id}`);
	if (has('+page.server.ts'))
		for (const a of actionNames(join(dir, '+page.server.ts'))) out.push(a === 'default' ? `POST ${id}` : `POST ${id}?/${a}`);
	if (has('+server.ts'))
		for (const name of exportedNames(join(dir, '+server.ts'))) if (METHODS.includes(name)) out.push(`${name} ${id}`);
	for (const f of files) if (statSync(join(dir, f)).isDirectory()) out.push(...discoverEndpoints(join(dir, f)));
	return out;
}
