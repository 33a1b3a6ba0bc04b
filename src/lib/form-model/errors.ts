// Answer errors as codes with parameters, so each page can show them in the client's language; the
// English `message` names the element and is what the API and logs carry.

export type FormErrorCode =
	| 'notObject'
	| 'unknownQuestion'
	| 'unknownRow'
	| 'unknownColumn'
	| 'required'
	| 'notNumber'
	| 'notText'
	| 'notList'
	| 'notSingle'
	| 'notAllowed'
	| 'duplicate'
	| 'exclusive'
	| 'tooLong'
	| 'tooShort'
	| 'tooFewSelected'
	| 'tooManySelected'
	| 'tooManyRows'
	| 'tooFewRows'
	| 'incompleteRanking'
	| 'outOfRange'
	| 'step'
	| 'format'
	| 'email'
	| 'pattern'
	| 'noDigits'
	| 'expression'
	| 'file'
	| 'fileType'
	| 'fileSize'
	| 'tooManyFiles';

export interface FormError {
	/** The top-level question (answer key) the error belongs to; '' for the answers as a whole. */
	name: string;
	/** Where inside the answers, e.g. `jobs[1].title`, `bfi.A1`, or just the name. */
	at: string;
	code: FormErrorCode;
	params: Record<string, string | number>;
	/** English, starting with `at`: e.g. `age: 101 is outside 0 … 100`. The author's validator text when given. */
	message: string;
}

const TEMPLATES: Record<FormErrorCode, string> = {
	notObject: 'expected an object, got {value}',
	unknownQuestion: 'there is no question with this name',
	unknownRow: '{row} is not a row of this matrix',
	unknownColumn: '{column} is not a column of this matrix',
	required: 'an answer is required',
	notNumber: 'expected a number, got {value}',
	notText: 'expected text, got {value}',
	notList: 'expected a list, got {value}',
	notSingle: 'expected a single value, got {value}',
	notAllowed: '{value} is not one of the allowed values {allowed}',
	duplicate: '{value} appears more than once',
	exclusive: '{value} cannot be combined with other choices',
	tooLong: 'the text has {count} characters; at most {max} are allowed',
	tooShort: 'the text has {count} characters; at least {min} are needed',
	tooFewSelected: 'choose at least {min}',
	tooManySelected: 'choose at most {max}',
	tooManyRows: 'has {count} rows; at most {max} are allowed',
	tooFewRows: 'has {count} rows; at least {min} are needed',
	incompleteRanking: 'rank every choice ({missing} not ranked)',
	outOfRange: '{value} is outside {min} … {max}',
	step: '{value} is not a multiple of {step}',
	format: '{value} is not a valid {format}',
	email: '{value} is not a valid email address',
	pattern: '{value} does not match the pattern {pattern}',
	noDigits: 'digits are not allowed at the end',
	expression: 'the answer does not meet the condition {expression}',
	file: 'expected a file as {"name", "type", "content": "data:…"}, got {value}',
	fileType: 'the file type {type} is not accepted (allowed: {accepted})',
	fileSize: 'the file is {size} bytes; at most {max} are allowed',
	tooManyFiles: 'only one file may be uploaded'
};

/** A value for a message: JSON, cut to 40 characters. */
export function showValue(v: unknown): string {
	let s: string;
	try {
		s = JSON.stringify(v) ?? String(v);
	} catch {
		s = Array.isArray(v) ? 'a list' : typeof v;
	}
	return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

/** The English text of an error code with its parameters filled in. */
export function formatFormError(code: FormErrorCode, params: Record<string, string | number>): string {
	return TEMPLATES[code].replace(/\{(\w+)\}/g, (m, p) => (p in params ? String(params[p]) : m));
}

/** Builds a FormError; `custom` is the author's own validator text, used as the message when given. */
export function formError(name: string, at: string, code: FormErrorCode, params: Record<string, string | number> = {}, custom?: string): FormError {
	return { name, at, code, params, message: `${at}: ${custom ?? formatFormError(code, params)}` };
}
