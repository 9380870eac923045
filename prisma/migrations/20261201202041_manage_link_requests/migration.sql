-- CreateTable
CREATE TABLE "ManageLinkRequest" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ManageLinkRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ManageLinkRequest_requestedAt_idx" ON "ManageLinkRequest"("requestedAt");
