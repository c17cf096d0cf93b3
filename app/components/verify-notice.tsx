import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Shown where an unconfirmed address cannot act yet (team, invite, vote), with the way out. */
export function VerifyEmailNotice({ verified }: { verified: boolean }) {
  const { t } = useTranslation();
  if (verified) return null;
  return (
    <p role="status" className="card border-amber-300 bg-amber-50 text-amber-900">
      {t("account.verifyNotice")}{" "}
      <Link to="/akun/verifikasi" className="btn-link">
        {t("account.verifyNow")}
      </Link>
    </p>
  );
}

/** Shown on a link page (staff invite, imported team place) to a visitor: sign in or sign up, then come back here. */
export function SignInToContinue({ message, back }: { message: string; back: string }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="text-slate-700">{message}</p>
      <div className="flex flex-wrap gap-2">
        <Link to={`/masuk?redirectTo=${encodeURIComponent(back)}`} className="btn-primary">
          {t("nav.login")}
        </Link>
        <Link to={`/daftar?redirectTo=${encodeURIComponent(back)}`} className="btn-secondary">
          {t("auth.submitSignup")}
        </Link>
      </div>
    </>
  );
}
