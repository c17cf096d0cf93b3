-- AlterTable
ALTER TABLE "UserToken" ADD COLUMN "email" TEXT;

