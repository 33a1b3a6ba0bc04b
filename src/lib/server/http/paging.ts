/** A page of a long list: 1-based `page`, clamped to what exists. */
export interface Paging {
	page: number;
	pages: number;
	size: number;
	offset: number;
	total: number;
}

/** Reads a page number from a query parameter (anything odd becomes 1) and clamps it to the total. */
export function paging(param: string | null, total: number, size: number): Paging {
	const pages = Math.max(1, Math.ceil(total / size));
	const asked = Number(param);
	const page = Number.isInteger(asked) && asked >= 1 ? Math.min(asked, pages) : 1;
	return { page, pages, size, offset: (page - 1) * size, total };
}
