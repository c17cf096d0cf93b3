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
INSERT INTO "new_Event" ("announcementAt", "bannerKey", "blindJudging", "conflictSameInstitution", "conflictSameKim", "conflictSameRegion", "contactEmail", "contactRetentionDays", "contactWhatsapp", "contactsErasedAt", "createdAt", "description", "galleryPublished", "id", "isPublic", "maxTeamSize", "minTeamSize", "name", "peoplesChoice", "privacyNotice", "rankingMethod", "registrationClosesAt", "registrationOpensAt", "remindJudging", "remindRegistration", "remindSubmission", "requireProposal", "requireVideo", "rules", "screeningClosesAt", "signatoryName", "signatoryTitle", "slug", "submissionClosesAt", "submissionOpensAt", "summary", "tieBreak", "timezone", "updatedAt", "votingClosesAt", "votingOpensAt") SELECT "announcementAt", "bannerKey", "blindJudging", "conflictSameInstitution", "conflictSameKim", "conflictSameRegion", "contactEmail", "contactRetentionDays", "contactWhatsapp", "contactsErasedAt", "createdAt", "description", "galleryPublished", "id", "isPublic", "maxTeamSize", "minTeamSize", "name", "peoplesChoice", "privacyNotice", "rankingMethod", "registrationClosesAt", "registrationOpensAt", "remindJudging", "remindRegistration", "remindSubmission", "requireProposal", "requireVideo", "rules", "screeningClosesAt", "signatoryName", "signatoryTitle", "slug", "submissionClosesAt", "submissionOpensAt", "summary", "tieBreak", "timezone", "updatedAt", "votingClosesAt", "votingOpensAt" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

