-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastSignInAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "contactRetentionDays" INTEGER NOT NULL DEFAULT 365,
ADD COLUMN     "contactsErasedAt" TIMESTAMP(3);

