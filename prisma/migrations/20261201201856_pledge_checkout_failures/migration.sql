-- AlterTable
ALTER TABLE "Pledge" ADD COLUMN     "checkoutFailures" INTEGER NOT NULL DEFAULT 0;
