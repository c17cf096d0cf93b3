// The request log, with the secrets some URLs carry (password-reset, invite, team-join and
// email-verification links) replaced before the line is written: logs are kept, copied and read
// by more people than those links are meant for.
import type { IncomingMessage, ServerResponse } from "node:http";
import morgan from "morgan";

const SECRET_PATH = /^(\/(?:atur-ulang-sandi|undangan|gabung(?:\/tempat)?|verifikasi-email)\/)[^/?#.]+/;
const SECRET_PARAM = /([?&](?:token|kode|code)=)[^&#]*/gi;

/** The URL with any link secret in it replaced by `[redacted]`. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_PATH, "$1[redacted]").replace(SECRET_PARAM, "$1[redacted]");
}

/** The Referer header carries the previous page's URL, secrets included. */
function redactReferrer(referrer: string | undefined): string | undefined {
  if (!referrer) return referrer;
  try {
    const url = new URL(referrer);
    return `${url.origin}${redactUrl(url.pathname + url.search)}`;
  } catch {
    return redactUrl(referrer);
  }
}

type Req = IncomingMessage & { originalUrl?: string };

morgan.token<Req>("safe-url", (req) => redactUrl(req.originalUrl ?? req.url ?? ""));
morgan.token<Req>("safe-referrer", (req) => redactReferrer(req.headers.referer ?? req.headers.referrer?.toString()));

// Morgan's "combined" and "dev" layouts with the two tokens swapped for their redacted forms.
const FORMATS = {
  combined: ':remote-addr - :remote-user [:date[clf]] ":method :safe-url HTTP/:http-version" :status :res[content-length] ":safe-referrer" ":user-agent"',
  dev: ":method :safe-url :status :response-time ms - :res[content-length]",
} as const;

export function accessLog(format: keyof typeof FORMATS, stream?: { write(line: string): void }) {
  return morgan<Req, ServerResponse>(FORMATS[format], stream ? { stream } : {});
}
