/*
  Warnings:

  - A unique constraint covering the columns `[importKey]` on the table `Donation` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "DonationSource" AS ENUM ('online', 'offline');

-- CreateEnum
CREATE TYPE "OfflineMethod" AS ENUM ('cheque', 'cash', 'bank_transfer', 'other');

-- AlterTable
ALTER TABLE "CampaignTotals" ADD COLUMN     "offlineDonations" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "offlineRaised" BIGINT NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Donation" ADD COLUMN     "importKey" TEXT,
ADD COLUMN     "note" TEXT,
ADD COLUMN     "offlineMethod" "OfflineMethod",
ADD COLUMN     "reference" TEXT,
ADD COLUMN     "source" "DonationSource" NOT NULL DEFAULT 'online',
ADD COLUMN     "voidReason" TEXT,
ADD COLUMN     "voidedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Donor" ADD COLUMN     "address" TEXT,
ADD COLUMN     "erasedAt" TIMESTAMP(3),
ALTER COLUMN "email" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Donation_importKey_key" ON "Donation"("importKey");
