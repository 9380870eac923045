-- AlterTable
ALTER TABLE "Donation" ADD COLUMN     "exchangeRate" DECIMAL(24,12),
ADD COLUMN     "settlementAmount" INTEGER,
ADD COLUMN     "settlementCurrency" CHAR(3),
ADD COLUMN     "settlementFee" INTEGER,
ADD COLUMN     "settlementNet" INTEGER;
