-- CreateTable
CREATE TABLE "SandboxObject" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxObject_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SandboxObject_type_createdAt_idx" ON "SandboxObject"("type", "createdAt");
