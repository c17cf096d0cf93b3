-- AlterTable
ALTER TABLE "User" ADD COLUMN "lastSignInAt" DATETIME;

-- CreateTable
CREATE TABLE "TeamSeat" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "whatsapp" TEXT,
    "role" TEXT NOT NULL DEFAULT 'MEMBER',
    "pool" TEXT,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TeamSeat_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TeamSeat_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReminderDelivery" (
    "key" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "sentAt" DATETIME NOT NULL,

    PRIMARY KEY ("key", "userId"),
    CONSTRAINT "ReminderDelivery_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReminderDelivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Event" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "rules" TEXT NOT NULL DEFAULT '',
    "bannerKey" TEXT,
    "timezone" TEXT NOT NULL DEFAULT 'Asia/Jakarta',
    "contactEmail" TEXT,
    "contactWhatsapp" TEXT,
    "isPublic" BOOLEAN NOT NULL DEFAULT false,
    "registrationOpensAt" DATETIME NOT NULL,
    "registrationClosesAt" DATETIME NOT NULL,
    "screeningClosesAt" DATETIME NOT NULL,
    "submissionOpensAt" DATETIME NOT NULL,
    "submissionClosesAt" DATETIME NOT NULL,
    "announcementAt" DATETIME NOT NULL,
    "minTeamSize" INTEGER NOT NULL DEFAULT 1,
    "maxTeamSize" INTEGER NOT NULL DEFAULT 5,
    "requireProposal" BOOLEAN NOT NULL DEFAULT false,
    "requireVideo" BOOLEAN NOT NULL DEFAULT false,
    "blindJudging" BOOLEAN NOT NULL DEFAULT false,
    "conflictSameRegion" BOOLEAN NOT NULL DEFAULT true,
    "conflictSameKim" BOOLEAN NOT NULL DEFAULT true,
    "conflictSameInstitution" BOOLEAN NOT NULL DEFAULT true,
    "rankingMethod" TEXT NOT NULL DEFAULT 'zscore',
    "tieBreak" TEXT NOT NULL DEFAULT '["zscore","first_criterion","earliest_submission"]',
    "peoplesChoice" BOOLEAN NOT NULL DEFAULT false,
    "votingOpensAt" DATETIME,
    "votingClosesAt" DATETIME,
    "galleryPublished" BOOLEAN NOT NULL DEFAULT false,
    "signatoryName" TEXT NOT NULL DEFAULT '',
    "signatoryTitle" TEXT NOT NULL DEFAULT 'Kepala Dinas Komunikasi dan Informatika Provinsi Jawa Timur',
    "privacyNotice" TEXT NOT NULL DEFAULT '',
    "contactRetentionDays" INTEGER NOT NULL DEFAULT 365,
    "contactsErasedAt" DATETIME,
    "remindRegistration" BOOLEAN NOT NULL DEFAULT true,
    "remindSubmission" BOOLEAN NOT NULL DEFAULT true,
    "remindJudging" BOOLEAN NOT NULL DEFAULT true,
    "statisticsPublic" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Event" ("announcementAt", "bannerKey", "blindJudging", "conflictSameInstitution", "conflictSameKim", "conflictSameRegion", "contactEmail", "contactWhatsapp", "createdAt", "description", "galleryPublished", "id", "isPublic", "maxTeamSize", "minTeamSize", "name", "peoplesChoice", "privacyNotice", "rankingMethod", "registrationClosesAt", "registrationOpensAt", "requireProposal", "requireVideo", "rules", "screeningClosesAt", "signatoryName", "signatoryTitle", "slug", "submissionClosesAt", "submissionOpensAt", "summary", "tieBreak", "timezone", "updatedAt", "votingClosesAt", "votingOpensAt") SELECT "announcementAt", "bannerKey", "blindJudging", "conflictSameInstitution", "conflictSameKim", "conflictSameRegion", "contactEmail", "contactWhatsapp", "createdAt", "description", "galleryPublished", "id", "isPublic", "maxTeamSize", "minTeamSize", "name", "peoplesChoice", "privacyNotice", "rankingMethod", "registrationClosesAt", "registrationOpensAt", "requireProposal", "requireVideo", "rules", "screeningClosesAt", "signatoryName", "signatoryTitle", "slug", "submissionClosesAt", "submissionOpensAt", "summary", "tieBreak", "timezone", "updatedAt", "votingClosesAt", "votingOpensAt" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");
CREATE TABLE "new_Invite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "email" TEXT,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "acceptedAt" DATETIME,
    "acceptedById" TEXT,
    "revokedAt" DATETIME,
    "regionId" TEXT,
    "kimName" TEXT,
    "institution" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Invite_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Invite_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Invite" ("acceptedAt", "acceptedById", "createdAt", "email", "eventId", "expiresAt", "id", "invitedById", "revokedAt", "role", "tokenHash") SELECT "acceptedAt", "acceptedById", "createdAt", "email", "eventId", "expiresAt", "id", "invitedById", "revokedAt", "role", "tokenHash" FROM "Invite";
DROP TABLE "Invite";
ALTER TABLE "new_Invite" RENAME TO "Invite";
CREATE UNIQUE INDEX "Invite_tokenHash_key" ON "Invite"("tokenHash");
CREATE INDEX "Invite_eventId_idx" ON "Invite"("eventId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "TeamSeat_tokenHash_key" ON "TeamSeat"("tokenHash");

-- CreateIndex
CREATE INDEX "TeamSeat_teamId_idx" ON "TeamSeat"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "TeamSeat_eventId_email_key" ON "TeamSeat"("eventId", "email");

-- CreateIndex
CREATE INDEX "ReminderDelivery_eventId_idx" ON "ReminderDelivery"("eventId");

-- CreateIndex
CREATE INDEX "ReminderDelivery_userId_idx" ON "ReminderDelivery"("userId");

