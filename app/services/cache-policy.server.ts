// Pages with personal data (anything answered to a signed-in browser) and the account pages must
// not be kept by the browser's back/forward cache on a shared computer or by a proxy in between.
// Anonymous public pages keep their own caching (and the micro-cache).
import type { NextFunction, Request, Response } from "express";

const ACCOUNT_PATH = /^\/(?:masuk|daftar|keluar|lupa-sandi|akun|gabung|atur-ulang-sandi|undangan|verifikasi-email)(?:[/.]|$)/;
const PERSONAL = "private, no-store";

export function isPersonal(path: string, cookie: string | undefined): boolean {
  return ACCOUNT_PATH.test(path) || /(?:^|;\s*)kim_session=/.test(cookie ?? "");
}

/** The Cache-Control for a personal answer; a stream's no-transform is kept so it is not buffered. */
export function personalCacheControl(current: string | undefined): string {
  return current && /no-transform/.test(current) ? `${PERSONAL}, no-transform` : PERSONAL;
}

/** Sets the header as the response head is written, so a route's own public caching cannot win. */
export function noStoreForPersonal(req: Request, res: Response, next: NextFunction) {
  if (!isPersonal(req.path, req.headers.cookie)) return next();
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: Parameters<typeof writeHead>) {
    const current = this.getHeader("Cache-Control");
    this.setHeader("Cache-Control", personalCacheControl(current === undefined ? undefined : String(current)));
    return writeHead.apply(this, args);
  } as typeof writeHead;
  next();
}
