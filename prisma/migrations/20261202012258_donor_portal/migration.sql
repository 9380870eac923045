-- CreateEnum
CREATE TYPE "ReceiptPreference" AS ENUM ('each', 'annual');

-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "donorActorId" UUID;

-- AlterTable
ALTER TABLE "Donor" ADD COLUMN     "receiptPreference" "ReceiptPreference" NOT NULL DEFAULT 'each';

-- AlterTable
ALTER TABLE "RecurringGift" ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "pausedUntil" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "DonorSession" (
    "id" TEXT NOT NULL,
    "donorId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "DonorSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DonorSession_donorId_idx" ON "DonorSession"("donorId");

-- CreateIndex
CREATE INDEX "DonorSession_expiresAt_idx" ON "DonorSession"("expiresAt");

-- AddForeignKey
ALTER TABLE "DonorSession" ADD CONSTRAINT "DonorSession_donorId_fkey" FOREIGN KEY ("donorId") REFERENCES "Donor"("id") ON DELETE CASCADE ON UPDATE CASCADE;
