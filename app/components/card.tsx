import type { ReactNode } from "react";

/**
 * A titled section of a page whose h2 names it for screen readers too: a card by default, `plain`
 * without the card's frame, `large` with the bigger heading of a page's main sections.
 */
export function Card({
  id,
  title,
  className = "",
  large = false,
  plain = false,
  children,
}: {
  id: string;
  title: ReactNode;
  className?: string;
  large?: boolean;
  plain?: boolean;
  children?: ReactNode;
}) {
  return (
    <section className={[plain ? "" : "card", className].filter(Boolean).join(" ") || undefined} aria-labelledby={id}>
      <h2 id={id} className={large ? "text-xl font-bold" : "text-lg font-bold"}>
        {title}
      </h2>
      {children}
    </section>
  );
}
