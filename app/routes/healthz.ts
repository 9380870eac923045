import { checkDatabase } from "~/db/health.data.server";

/** For load balancers and uptime checks: 200 when the database answers, 503 otherwise. */
export async function loader() {
  const database = await checkDatabase();
  return Response.json(
    { status: database.ok ? "ok" : "unavailable", database: database.ok ? "ok" : "unreachable", latencyMs: database.latencyMs },
    { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
