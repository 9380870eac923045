/*
  Warnings:

  - The primary key for the `ReceiptSequence` table will be changed. If it partially fails, the table could be left without primary key constraint.

*/
-- AlterTable
ALTER TABLE "ReceiptSequence" DROP CONSTRAINT "ReceiptSequence_pkey",
ADD COLUMN     "series" TEXT NOT NULL DEFAULT 'live',
ADD CONSTRAINT "ReceiptSequence_pkey" PRIMARY KEY ("series", "year");
