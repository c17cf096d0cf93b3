-- AlterEnum
ALTER TYPE "TokenPurpose" ADD VALUE 'EMAIL_CHANGE';

-- AlterTable
ALTER TABLE "UserToken" ADD COLUMN     "email" TEXT;

