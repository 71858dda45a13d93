/** GitHub's page-number pagination: `?per_page=&page=` in, a Link header out. */
import { pageParams } from "./validate.js";

export function linkHeader(
  pageUrl: string,
  query: URLSearchParams,
  page: number,
  perPage: number,
  total: number,
): string | undefined {
  const last = Math.max(1, Math.ceil(total / perPage));
  const link = (n: number, rel: string) => {
    const params = new URLSearchParams(query);
    params.set("per_page", String(perPage));
    params.set("page", String(n));
    return `<${pageUrl}?${params.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, "prev"));
  if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
  if (page > 1) links.push(link(1, "first"));
  return links.length ? links.join(", ") : undefined;
}

/** One page of `items` and the Link header that leads to the others. */
export function paginate<T>(
  items: T[],
  pageUrl: string,
  query: URLSearchParams,
): { page: T[]; headers: Record<string, string> } {
  const { perPage, page } = pageParams(query);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = linkHeader(pageUrl, query, page, perPage, items.length);
  return { page: slice, headers: link ? { link } : {} };
}
