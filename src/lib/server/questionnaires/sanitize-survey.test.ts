import { describe, expect, it } from 'vitest';
import { isSafeUrl, sanitizeQuestionnaireHtml, sanitizeSurvey } from './sanitize-survey';

describe('sanitizeQuestionnaireHtml', () => {
	it.each([
		['<p>Hi <strong>there</strong></p>', '<p>Hi <strong>there</strong></p>'],
		['<script>alert(1)</script><p>x</p>', '<p>x</p>'],
		['<img src="x" onerror="alert(1)">', '<img src="x" />'],
		['<a href="javascript:alert(1)">go</a>', '<a>go</a>'],
		['<a href="JaVaScRiPt:alert(1)">go</a>', '<a>go</a>'],
		['<a href="https://example.org" target="_top">go</a>', '<a href="https://example.org" target="_blank" rel="noopener noreferrer">go</a>'],
		['<iframe src="https://evil.example"></iframe>ok', 'ok'],
		['<svg><script>alert(1)</script></svg>ok', 'ok'],
		['<p style="position:fixed" id="login">x</p>', '<p>x</p>'],
		['<form action="/x"><input name="q"></form>text', 'text'],
		['<img src="data:image/png;base64,AAAA" alt="dot">', '<img src="data:image/png;base64,AAAA" alt="dot" />'],
		['<a href="data:text/html,<script>alert(1)</script>">x</a>', '<a>x</a>']
	])('%s → %s', (input, expected) => {
		expect(sanitizeQuestionnaireHtml(input)).toBe(expected);
	});
});

describe('isSafeUrl', () => {
	it.each([
		['https://example.org/a', true],
		['/profile', true],
		['mailto:someone@example.org', true],
		['javascript:alert(1)', false],
		[' javascript:alert(1)', false],
		['java\tscript:alert(1)', false],
		['data:text/html,x', false],
		['//evil.example', false],
		['/\\evil.example', false],
		['vbscript:x', false]
	])('%s → %s', (url, safe) => expect(isSafeUrl(url)).toBe(safe));
});

describe('sanitizeSurvey', () => {
	const survey = {
		completedHtml: { default: '<p>Done</p><script>alert(1)</script>', da: '<p onclick="x()">Færdig</p>' },
		completedHtmlOnCondition: [{ expression: '{a} = 1', html: '<img src=x onerror=alert(1)>' }],
		navigateToUrl: 'javascript:alert(1)',
		navigateToUrlOnCondition: [{ expression: 'true', url: 'https://example.org' }],
		pages: [
			{
				name: 'p1',
				elements: [
					{ type: 'html', name: 'intro', html: '<b>Hello</b><style>body{display:none}</style>' },
					{ type: 'image', name: 'pic', imageLink: 'javascript:alert(2)' },
					{ type: 'text', name: 'html', title: '<b>kept as text by SurveyJS</b>' }
				]
			}
		]
	};
	const clean = sanitizeSurvey(survey) as typeof survey;

	it('cleans HTML in every place SurveyJS renders it, in every language', () => {
		expect(clean.completedHtml).toEqual({ default: '<p>Done</p>', da: '<p>Færdig</p>' });
		expect(clean.completedHtmlOnCondition[0].html).toBe('<img src="x" />');
		expect(clean.pages[0].elements[0].html).toBe('<b>Hello</b>');
	});

	it('empties unsafe URLs and keeps safe ones', () => {
		expect(clean.navigateToUrl).toBe('');
		expect(clean.pages[0].elements[1].imageLink).toBe('');
		expect(clean.navigateToUrlOnCondition[0].url).toBe('https://example.org');
	});

	it('leaves everything else alone and does not touch the original', () => {
		expect(clean.pages[0].elements[2]).toEqual(survey.pages[0].elements[2]);
		expect(survey.navigateToUrl).toBe('javascript:alert(1)');
		expect(sanitizeSurvey(survey)).toBe(clean);
	});
});
