// What the counsellor pages and the client's own pages show of assignments, clients and notes.
// Types only: the services in src/lib/server build these, the components display them.

/** How far the client got with an assigned instrument, from their responses made after the assignment. */
export type AssignmentStatus = 'assigned' | 'in_progress' | 'completed';

export interface InstrumentOption {
	id: string;
	title: string;
}

export interface AssignmentView {
	id: number;
	instrumentId: string;
	title: string;
	message: string | null;
	createdAt: string;
	status: AssignmentStatus | 'cancelled';
}

export interface ClientAssignmentView extends AssignmentView {
	counsellorName: string;
	/** Whether the instrument is still offered here (a link to take it makes sense). */
	available: boolean;
}

export interface ClientSummary {
	id: string;
	/** null for an anonymous client. */
	email: string | null;
	name: string | null;
	sharedSince: string;
	/** Latest `updated_at` of any of the client's responses; null when they have none. */
	lastActivity: string | null;
	/** Ids of the instruments the client has completed at least once, sorted. */
	completed: string[];
	/** Assignments of this counsellor that are neither cancelled nor completed. */
	openAssignments: number;
}

export interface ClientPage {
	clients: ClientSummary[];
	total: number;
	page: number;
	pages: number;
	search: string;
}

export interface NoteView {
	id: number;
	/** True when the counsellor wrote it, false for the client's replies. */
	byCounsellor: boolean;
	body: string;
	createdAt: string;
}

export interface ClientThread {
	counsellorId: string;
	counsellorName: string;
	notes: NoteView[];
}
