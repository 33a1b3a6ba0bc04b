// How a failed request is logged. A client error (a 4xx: a malformed form, a method the page does not
// take, a body too large) is one warning line with the method, the route, the status and the message,
// without a stack trace: it is the client's mistake, and sending many must not flood the log. A server
// error (5xx) is logged with its stack, which is what finding the fault needs. A 404 is not logged.

/** Where the lines go: the console (standard error). */
export interface LogSink {
	warn(line: string): void;
	error(line: string, error: unknown): void;
}

/** Messages are cut at this many characters, so a client cannot make one line long. */
const MAX_MESSAGE = 200;

/** One line of text: control characters (newlines included) replaced, long messages cut. */
export function oneLine(text: string): string {
	const flat = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
	return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE)}…` : flat;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : typeof error === 'string' ? error : 'no message');

/** Logs a request that failed with `status` at `where` (the route id, or the path when no route matched). */
export function logFailedRequest(method: string, where: string, status: number, error: unknown, sink: LogSink = console): void {
	if (status === 404) return;
	const at = `${oneLine(method)} ${oneLine(where)} (${status})`;
	if (status >= 400 && status < 500) sink.warn(`[warn] ${at}: ${oneLine(messageOf(error))}`);
	else sink.error(`[error] ${at}:`, error);
}
