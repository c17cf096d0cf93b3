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
