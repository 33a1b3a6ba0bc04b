// How guessable a new password is, by zxcvbn-ts with its common-password and English word
// dictionaries (the estimate attackers' cracking tools make). A password must reach score 3 of 4
// (about 10^8 guesses); below that the person is told why and how to do better, in their language.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

/** zxcvbn's score (0–4) a new password must reach: 3 = "safely unguessable" for online attacks. */
export const MIN_SCORE = 3;

let factory: ZxcvbnFactory | null = null;
// Without translations zxcvbn-ts reports its feedback as keys (e.g. "common"), which the UI translates.
const estimator = () =>
	(factory ??= new ZxcvbnFactory({
		dictionary: { ...common.dictionary, ...english.dictionary },
		graphs: common.adjacencyGraphs
	}));

export interface Strength {
	score: number;
	ok: boolean;
	/** zxcvbn's warning key (e.g. "common", "simpleRepeat"), or null. */
	warning: string | null;
	/** zxcvbn's suggestion keys (e.g. "anotherWord"). */
	suggestions: string[];
}

/** The strength of `password`; `related` are the person's email, name and the like, which it must not lean on. */
export function passwordStrength(password: string, related: string[] = []): Strength {
	const inputs = ['spejl', ...related.flatMap((r) => [r, ...r.split(/[@.\s_-]+/)]).filter((r) => r.length >= 3)];
	const r = estimator().check(password, inputs);
	return {
		score: r.score,
		ok: r.score >= MIN_SCORE,
		warning: r.feedback.warning || null,
		suggestions: r.feedback.suggestions
	};
}
