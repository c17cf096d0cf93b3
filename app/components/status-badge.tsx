// The one status badge: a team's screening status (pending, accepted, rejected) or a submission's
// state (draft, submitted, none). The two sets of names do not overlap, so the status alone picks
// its colour and its label.
import { useTranslation } from "react-i18next";

const STYLE = {
  PENDING: { className: "bg-amber-100 text-amber-900", label: "team.status.PENDING" },
  ACCEPTED: { className: "bg-green-100 text-green-900", label: "team.status.ACCEPTED" },
  REJECTED: { className: "bg-red-100 text-red-900", label: "team.status.REJECTED" },
  DRAFT: { className: "bg-amber-100 text-amber-900", label: "submission.status.DRAFT" },
  SUBMITTED: { className: "bg-green-100 text-green-900", label: "submission.status.SUBMITTED" },
  NONE: { className: "bg-slate-100 text-slate-800", label: "submission.status.NONE" },
} as const;

export type BadgeStatus = keyof typeof STYLE;

export function StatusBadge({ status }: { status: BadgeStatus }) {
  const { t } = useTranslation();
  const { className, label } = STYLE[status];
  return <span className={`badge ${className}`}>{t(label)}</span>;
}
