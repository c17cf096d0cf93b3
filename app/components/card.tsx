import type { ReactNode } from "react";

/** A titled section of a page: a card whose h2 names it for screen readers too. */
export function Card({ id, title, className = "", children }: { id: string; title: ReactNode; className?: string; children?: ReactNode }) {
  return (
    <section className={`card ${className}`} aria-labelledby={id}>
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}
