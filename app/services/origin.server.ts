// CSRF defence: a write must name our own origin (Origin header, or Referer when a browser
// leaves Origin out). A request with neither is refused.
export function isSameOrigin(input: { origin: string | null; referer: string | null; host: string | null; appUrl: string }): boolean {
  const claimed = input.origin && input.origin !== "null" ? input.origin : input.referer;
  if (!claimed) return false;
  let claimedHost: string;
  try {
    claimedHost = new URL(claimed).host;
  } catch {
    return false;
  }
  const allowed = new Set<string>();
  if (input.host) allowed.add(input.host);
  try {
    allowed.add(new URL(input.appUrl).host);
  } catch {
    // APP_URL is validated at boot; nothing to add if it were not a URL.
  }
  return allowed.has(claimedHost);
}
