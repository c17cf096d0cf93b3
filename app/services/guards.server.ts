// Answers of the guards: non-members get 404 (existence of private things is not revealed);
// known users without the role get 403. The event-scoped guards that decide which applies are in
// app/models/event-guards.server.ts.

export function notFound(): Response {
  return new Response("Not Found", { status: 404 });
}
export function forbidden(): Response {
  return new Response("Forbidden", { status: 403 });
}
