// The bare Remix page: one loader that reads nothing (a fixed list), one component that shows it.
import { useLoaderData } from "@remix-run/react";

const ITEMS = Array.from({ length: 20 }, (_, i) => ({ id: i + 1, name: `Tim ${i + 1}` }));

export const loader = async () => ({ title: "Daftar tim", items: ITEMS });

export default function Index() {
  const { title, items } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>{title}</h1>
      <ul>
        {items.map((item) => (
          <li key={item.id}>{item.name}</li>
        ))}
      </ul>
    </main>
  );
}
