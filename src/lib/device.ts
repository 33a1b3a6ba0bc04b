// "Firefox on Windows" from a User-Agent header, so a person can recognise their own sessions.
// Deliberately coarse: the browser family and the operating system, never versions or models.

const BROWSERS: [RegExp, string][] = [
	[/\bEdg(e|A|iOS)?\//, 'Edge'],
	[/\b(OPR|Opera)\//, 'Opera'],
	[/\bSamsungBrowser\//, 'Samsung Internet'],
	[/\b(Firefox|FxiOS)\//, 'Firefox'],
	[/\b(Chrome|CriOS|Chromium)\//, 'Chrome'],
	[/\bVersion\/[\d.]+.*\bSafari\//, 'Safari']
];

const SYSTEMS: [RegExp, string][] = [
	[/\b(iPhone|iPad|iPod)\b/, 'iOS'],
	[/\bAndroid\b/, 'Android'],
	[/\bWindows\b/, 'Windows'],
	[/\bCrOS\b/, 'ChromeOS'],
	[/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
	[/\bLinux\b/, 'Linux']
];

/** `{ browser, system }`, each null when not recognised. */
export function describeUserAgent(ua: string | null | undefined): { browser: string | null; system: string | null } {
	if (!ua) return { browser: null, system: null };
	const find = (list: [RegExp, string][]) => list.find(([re]) => re.test(ua))?.[1] ?? null;
	return { browser: find(BROWSERS), system: find(SYSTEMS) };
}
