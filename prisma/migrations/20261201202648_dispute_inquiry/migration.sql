-- AlterEnum
ALTER TYPE "DisputeStatus" ADD VALUE 'inquiry';
