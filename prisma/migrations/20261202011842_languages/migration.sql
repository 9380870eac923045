-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "translations" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Donor" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en';

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "hotlineTexts" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "Pledge" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en';
