/**
 * A widget's slot in the address bar (`?w-<id>=…`), shared by every widget kind. Kept apart from
 * the packet widget's state format so the scheduling widgets' chunk does not pull in the packet
 * engine to read a query parameter.
 */
const paramName = (widgetId: string) => `w-${widgetId}`;

export function readWidgetParam(widgetId: string): string | null {
  return typeof window === 'undefined' ? null : new URLSearchParams(window.location.search).get(paramName(widgetId));
}

/** Records the current settings in the address bar without a navigation or a re-render. */
export function writeWidgetParam(widgetId: string, value: string | null): void {
  const url = new URL(window.location.href);
  const name = paramName(widgetId);
  if (url.searchParams.get(name) === value) return;
  if (value === null) url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  window.history.replaceState(window.history.state, '', url);
}
