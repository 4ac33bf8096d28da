/**
 * The course runs under Trusted Types (see the CSP in vite.config.ts), so `new Worker(url)` needs
 * a TrustedScriptURL. This one policy allows only same-origin script URLs, which is all the
 * packet-drawing worker needs; anything else throws.
 */
interface TrustedTypePolicyLike {
  createScriptURL(url: string): unknown;
}
interface TrustedTypesLike {
  createPolicy(name: string, rules: { createScriptURL: (url: string) => string }): TrustedTypePolicyLike;
}

let policy: TrustedTypePolicyLike | null | undefined;

/** The one rule, for browsers with Trusted Types (inside the policy) and without (before it). */
function sameOriginOnly(value: string): string {
  if (new URL(value, window.location.href).origin !== window.location.origin)
    throw new Error(`refusing a cross-origin worker: ${value}`);
  return value;
}

export function trustedWorkerUrl(url: URL): string | URL {
  sameOriginOnly(url.href);
  const trustedTypes = (window as unknown as { trustedTypes?: TrustedTypesLike }).trustedTypes;
  if (!trustedTypes) return url;
  policy ??= trustedTypes.createPolicy('packet-worker-url', { createScriptURL: sameOriginOnly });
  // Worker accepts a TrustedScriptURL where the DOM types say string | URL.
  return policy.createScriptURL(url.href) as string;
}
