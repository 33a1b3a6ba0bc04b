import type { FormErrorCode } from '$lib/form-model/errors';

// Answer errors as shown to respondents (English), one per error code of the form model; the
// placeholders are the error's params. Keys start with 'form.error.'.
const messages: Record<`form.error.${FormErrorCode}`, string> = {
	'form.error.notObject': 'This answer has the wrong form.',
	'form.error.unknownQuestion': 'This form has no such question.',
	'form.error.unknownRow': 'This table has no row {row}.',
	'form.error.unknownColumn': 'This table has no column {column}.',
	'form.error.required': 'Please answer this question.',
	'form.error.notNumber': 'Please enter a number.',
	'form.error.notText': 'Please enter text.',
	'form.error.notList': 'This answer has the wrong form.',
	'form.error.notSingle': 'Please choose one answer.',
	'form.error.notAllowed': 'Please choose one of the answers shown.',
	'form.error.duplicate': 'The same answer is chosen twice.',
	'form.error.exclusive': 'This answer cannot be combined with others.',
	'form.error.tooLong': 'Please use at most {max} characters (now {count}).',
	'form.error.tooShort': 'Please use at least {min} characters (now {count}).',
	'form.error.tooFewSelected': 'Please choose at least {min}.',
	'form.error.tooManySelected': 'Please choose at most {max}.',
	'form.error.tooManyRows': 'At most {max} rows are allowed (now {count}).',
	'form.error.tooFewRows': 'At least {min} rows are needed (now {count}).',
	'form.error.incompleteRanking': 'Please put every item in order.',
	'form.error.outOfRange': 'Please give a value from {min} to {max}.',
	'form.error.step': 'Please give a multiple of {step}.',
	'form.error.format': 'This is not a valid {format}.',
	'form.error.email': 'Please enter a valid email address.',
	'form.error.pattern': 'Please use the form {pattern}.',
	'form.error.noDigits': 'Please do not end with digits.',
	'form.error.expression': 'This answer does not fit the other answers.',
	'form.error.file': 'Please upload the file again.',
	'form.error.fileType': 'This type of file ({type}) is not accepted. Accepted: {accepted}.',
	'form.error.fileSize': 'The file is too large: at most {max} bytes.',
	'form.error.tooManyFiles': 'Please upload only one file.'
};
export default messages;
