/** The largest page a list link may ask for; beyond it a list is searched, not paged. */
export const MAX_PAGE = 10_000;

/**
 * `?page=` of a paginated list: a whole number from 1 to MAX_PAGE, else 1. Anything else
 * ("1.5", "-2", "1e9", "abc") would reach OFFSET as a fraction or a huge number.
 */
export function pageNumber(value: string | null | undefined): number {
  if (!value || !/^\d{1,5}$/.test(value)) return 1;
  const page = Number(value);
  return page >= 1 && page <= MAX_PAGE ? page : 1;
}
