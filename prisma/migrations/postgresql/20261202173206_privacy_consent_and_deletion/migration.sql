-- AlterTable
ALTER TABLE "User" ADD COLUMN     "deletedAt" TIMESTAMP(3),
ADD COLUMN     "privacyAcceptedAt" TIMESTAMP(3),
ADD COLUMN     "privacyVersion" INTEGER;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "privacyNotice" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "TeamMember" ADD COLUMN     "noticeAcceptedAt" TIMESTAMP(3),
ADD COLUMN     "noticeSha256" TEXT;

