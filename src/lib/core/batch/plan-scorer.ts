/**
 * `npm run score` in one pass over the bytes of a responses CSV (docs/batch-csv.md): the questionnaire's scoring
 * plan, numbers read straight from the bytes, no object per row, and each scale's output text made once per
 * distinct (total, answered) pair. It reads, checks and prints exactly what `createResponseReader`,
 * `scoreResponse`, `toBatchResult` and `batchCsvRow` do, with the same messages; anything unusual in a cell
 * goes through the same `parseCell`.
 */
import { createByteCsvReader, fieldText } from '../csv/bytes.ts';
import { elementsOf } from '../questionnaire/elements.ts';
import type { Questionnaire } from '../questionnaire/types.ts';
import { compileScoringPlan, planScaleResult, planScaleTotal, planTableIndex, type ScoringPlan } from '../scoring/plan.ts';
import { parseCell } from './cells.ts';
import { BatchError, type BatchIssue } from './errors.ts';
import { batchCsvColumns, batchCsvScaleCells, toBatchScale } from './output.ts';
import { csvField } from '../csv/write.ts';
import { readHeader, type Column } from './read-responses.ts';

export interface PlanScorerOptions {
	norm?: string;
	format?: 'json' | 'csv';
	lenient?: boolean;
	/** Longest text accepted where a question sets no maxLength of its own (default 5000). */
	maxTextLength?: number;
}

export interface PlanScorer {
	/** Reads the next chunk of the file and returns the output (UTF-8) for the rows it completed. */
	push(chunk: Uint8Array): Uint8Array;
	/** Reads the last row and returns the rest of the output; throws on an empty file or no rows. */
	end(): Uint8Array;
	/** Bad cells and columns skipped so far (lenient mode), in file order. */
	readonly warnings: BatchIssue[];
	/** Rows scored so far. */
	readonly count: number;
}

/** What to do with a column. */
const SKIP = 0;
const ID = 1;
const NUMBER = 2; // a scored item with numeric choices: digits read from the bytes
const CHECK = 3; // any other question: checked with parseCell, not scored

const DIGIT_0 = 48;

/**
 * A scorer for a validated questionnaire, or undefined when its scales are outside the scoring plan or a
 * scored item is not a numeric-choice question (score those with the response reader and `scoreResponse`).
 *
 * @example
 * const scorer = createPlanScorer(q, { format: 'json' })!;
 * const text = scorer.push(bytes) + scorer.end(); // '[\n{"id":"p1","scales":{…}},\n…\n]\n'
 */
export function createPlanScorer(q: Questionnaire, options: PlanScorerOptions = {}): PlanScorer | undefined {
	const plan = compileScoringPlan(q, { norm: options.norm });
	if (!plan) return undefined;
	const elements = elementsOf(q.survey);
	if (plan.items.some((item) => elements.get(item)?.kind !== 'number-choice')) return undefined;
	return new Scorer(q, plan, options);
}

class Scorer implements PlanScorer {
	readonly warnings: BatchIssue[] = [];
	count = 0;
	private readonly json: boolean;
	private readonly lenient: boolean;
	private readonly maxTextLength: number;
	private readonly reader = createByteCsvReader(this);
	private readonly ids = new Set<string>();
	private readonly nScales: number;
	private readonly answered: Int32Array;
	/** Output bytes of scale s per table index, made on first use. */
	private readonly texts: (Uint8Array | undefined)[][];
	private readonly values: Float64Array;
	private header: string[] | null = null;
	private cells: string[] = [];
	private headerLine = 0;
	// per column, from the header
	private kinds = new Uint8Array(0);
	private slots = new Int32Array(0);
	private allowed: (Uint8Array | null)[] = [];
	private columns: Column[] = [];
	// per record
	private id = '';
	private problems: { column: string; message: string }[] | null = null;
	private readonly out = new ByteOutput();

	private readonly q: Questionnaire;
	private readonly plan: ScoringPlan;

	constructor(q: Questionnaire, plan: ScoringPlan, options: PlanScorerOptions) {
		this.q = q;
		this.plan = plan;
		this.json = (options.format ?? 'json') === 'json';
		this.lenient = options.lenient ?? false;
		this.maxTextLength = options.maxTextLength ?? 5000;
		this.nScales = plan.scales.length;
		this.answered = new Int32Array(this.nScales);
		this.texts = plan.scales.map((s) => new Array(s.totals * (s.slots.length + 1)));
		this.values = new Float64Array(plan.items.length);
	}

	push(chunk: Uint8Array): Uint8Array {
		this.reader.push(chunk);
		return this.out.take();
	}

	end(): Uint8Array {
		this.reader.end();
		if (this.header === null) throw new BatchError({ row: 1, message: 'the file is empty; expected a header row of element names' });
		if (this.count === 0) throw new BatchError({ row: this.headerLine, message: 'the file has a header but no responses' });
		if (this.json) this.out.text('\n]\n');
		return this.out.take();
	}

	beginRecord(): void {
		if (this.header === null) {
			this.cells = [];
			return;
		}
		this.values.fill(NaN);
		this.problems = null;
		this.id = '';
	}

	field(index: number, bytes: Uint8Array, start: number, end: number, quoted: boolean): void {
		if (this.header === null) {
			this.cells.push(fieldText(bytes, start, end, quoted));
			return;
		}
		if (index >= this.kinds.length) return; // a ragged row: reported at its end
		const kind = this.kinds[index];
		if (kind === SKIP) return;
		if (kind === NUMBER && !quoted && end > start && end - start <= 3) {
			let x = 0;
			let i = start;
			for (; i < end; i++) {
				const d = bytes[i] - DIGIT_0;
				if (d < 0 || d > 9) break;
				x = x * 10 + d;
			}
			if (i === end && this.allowed[index]![x] === 1) {
				this.values[this.slots[index]] = x;
				return;
			}
		}
		if (start === end) return; // an empty cell: missing
		const cell = fieldText(bytes, start, end, quoted);
		if (kind === ID) {
			this.id = cell;
			return;
		}
		if (cell.trim() === '') return;
		const column = this.columns[index];
		const parsed = parseCell(cell, column.element!, this.maxTextLength);
		if ('error' in parsed) (this.problems ??= []).push({ column: column.name, message: parsed.error });
		else if (kind === NUMBER) this.values[this.slots[index]] = parsed.value as number;
	}

	endRecord(line: number, fields: number): void {
		if (this.header === null) return this.readHeaderRecord(line);
		if (fields !== this.columns.length) {
			throw new BatchError({ row: line, message: `has ${fields} cells but the header has ${this.columns.length} columns` });
		}
		this.count++;
		const hasId = this.kinds[0] === ID;
		const id = hasId ? this.id.trim() : `r${this.count}`;
		if (id === '') throw new BatchError({ row: line, column: 'id', message: 'the id is empty' });
		if (this.ids.has(id)) throw new BatchError({ row: line, column: 'id', message: `duplicate id "${id}"` });
		this.ids.add(id);
		if (this.problems !== null) {
			const [first] = this.problems;
			if (!this.lenient) throw new BatchError({ row: line, column: first.column, message: first.message });
			for (const p of this.problems) this.warnings.push({ row: line, column: p.column, message: `${p.message}; treated as missing` });
		}
		if (this.json) this.jsonRow(id);
		else this.csvRow(id);
	}

	private readHeaderRecord(line: number): void {
		const { columns, hasId } = readHeader({ line, cells: this.cells }, this.q, this.lenient, this.warnings);
		this.header = this.cells;
		this.headerLine = line;
		this.columns = columns;
		const slotOf = new Map(this.plan.items.map((item, i) => [item, i]));
		this.kinds = new Uint8Array(columns.length);
		this.slots = new Int32Array(columns.length).fill(-1);
		this.allowed = columns.map(() => null);
		columns.forEach((column, i) => {
			if (hasId && i === 0) return void (this.kinds[i] = ID);
			if (column.element === null) return;
			const slot = slotOf.get(column.name);
			if (slot === undefined) return void (this.kinds[i] = CHECK);
			this.kinds[i] = NUMBER;
			this.slots[i] = slot;
			const allowed = new Uint8Array(1000);
			for (const v of column.element.values ?? []) if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1000) allowed[v] = 1;
			this.allowed[i] = allowed;
		});
	}

	/** The output bytes of scale s for a total and answered count: from the table, or made now. */
	private scaleText(s: number, total: number, answered: number): Uint8Array {
		const index = planTableIndex(this.plan, s, total, answered);
		if (index >= 0) {
			const known = this.texts[s][index];
			if (known !== undefined) return known;
		}
		const def = this.plan.scales[s].def;
		const result = toBatchScale(planScaleResult(this.plan, s, total, answered));
		const text = this.json ? `${JSON.stringify(def.id)}:${JSON.stringify(result)}` : `,${batchCsvScaleCells(def, result).join(',')}`;
		const bytes = encoder.encode(text);
		if (index >= 0) this.texts[s][index] = bytes;
		return bytes;
	}

	private jsonRow(id: string): void {
		const out = this.out;
		out.text(this.count === 1 ? '[\n{"id":' : ',\n{"id":');
		out.text(JSON.stringify(id));
		out.text(',"scales":{');
		for (let s = 0; s < this.nScales; s++) {
			const total = planScaleTotal(this.plan, s, this.values, 0, this.answered);
			if (s > 0) out.byte(COMMA);
			out.bytes(this.scaleText(s, total, this.answered[s]));
		}
		out.text('}}');
	}

	private csvRow(id: string): void {
		const out = this.out;
		if (this.count === 1) out.text(`${batchCsvColumns(this.q).join(',')}\n`);
		out.text(csvField(id));
		for (let s = 0; s < this.nScales; s++) {
			const total = planScaleTotal(this.plan, s, this.values, 0, this.answered);
			out.bytes(this.scaleText(s, total, this.answered[s]));
		}
		out.byte(LF);
	}
}

const encoder = new TextEncoder();
const COMMA = 44;
const LF = 10;

/** A growing byte buffer for the output, handed over (and emptied) once per chunk of input. */
class ByteOutput {
	private buf = new Uint8Array(1 << 16);
	private length = 0;

	private room(n: number): void {
		if (this.length + n <= this.buf.length) return;
		let size = this.buf.length * 2;
		while (size < this.length + n) size *= 2;
		const bigger = new Uint8Array(size);
		bigger.set(this.buf.subarray(0, this.length));
		this.buf = bigger;
	}

	byte(b: number): void {
		this.room(1);
		this.buf[this.length++] = b;
	}

	bytes(b: Uint8Array): void {
		const n = b.length;
		this.room(n);
		this.buf.set(b, this.length);
		this.length += n;
	}

	/** Writes a string as UTF-8. */
	text(s: string): void {
		const n = s.length;
		this.room(n);
		const buf = this.buf;
		let at = this.length;
		for (let i = 0; i < n; i++) {
			const c = s.charCodeAt(i);
			if (c >= 0x80) {
				this.length = at;
				return this.bytes(encoder.encode(s.slice(i)));
			}
			buf[at++] = c;
		}
		this.length = at;
	}

	take(): Uint8Array {
		const out = this.buf.slice(0, this.length);
		this.length = 0;
		return out;
	}
}
