-- CreateEnum
CREATE TYPE "MonthlyInvitation" AS ENUM ('off', 'third');

-- CreateEnum
CREATE TYPE "InvitationOutcome" AS ENUM ('shown', 'accepted', 'declined');

-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "monthlyInvitation" "MonthlyInvitation" NOT NULL DEFAULT 'off';

-- AlterTable
ALTER TABLE "Pledge" ADD COLUMN     "invitation" "InvitationOutcome",
ADD COLUMN     "invitedAmount" INTEGER;
