import { defineConfig } from "prisma/config";

// The Prisma CLI is only used to generate the client. Migrations are created
// and applied by scripts/db (see docs/decisions/002-offline-migrations.md).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/lantern" },
});
