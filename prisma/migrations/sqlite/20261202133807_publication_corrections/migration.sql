-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Publication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "roundId" TEXT,
    "method" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "overrideUnfinished" BOOLEAN NOT NULL DEFAULT false,
    "overrideReason" TEXT,
    "publishedById" TEXT NOT NULL,
    "publishedAt" DATETIME NOT NULL,
    "supersedesId" TEXT,
    "correctionReason" TEXT,
    CONSTRAINT "Publication_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Publication_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "Round" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Publication_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "Publication" ("id") ON DELETE NO ACTION ON UPDATE CASCADE
);
INSERT INTO "new_Publication" ("document", "eventId", "id", "method", "overrideReason", "overrideUnfinished", "publishedAt", "publishedById", "roundId", "sha256") SELECT "document", "eventId", "id", "method", "overrideReason", "overrideUnfinished", "publishedAt", "publishedById", "roundId", "sha256" FROM "Publication";
DROP TABLE "Publication";
ALTER TABLE "new_Publication" RENAME TO "Publication";
CREATE UNIQUE INDEX "Publication_sha256_key" ON "Publication"("sha256");
CREATE UNIQUE INDEX "Publication_supersedesId_key" ON "Publication"("supersedesId");
CREATE INDEX "Publication_eventId_idx" ON "Publication"("eventId");
CREATE TABLE "new_Certificate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "publicationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "awardName" TEXT,
    "name" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL,
    CONSTRAINT "Certificate_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Certificate_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Certificate_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Certificates issued before corrections existed belong to their event's one publication.
INSERT INTO "new_Certificate" ("awardName", "code", "eventId", "id", "issuedAt", "kind", "name", "userId", "publicationId") SELECT "awardName", "code", "eventId", "id", "issuedAt", "kind", "name", "userId", (SELECT p."id" FROM "Publication" p WHERE p."eventId" = "Certificate"."eventId" ORDER BY p."publishedAt" DESC, p."id" DESC LIMIT 1) FROM "Certificate";
DROP TABLE "Certificate";
ALTER TABLE "new_Certificate" RENAME TO "Certificate";
CREATE UNIQUE INDEX "Certificate_code_key" ON "Certificate"("code");
CREATE INDEX "Certificate_eventId_idx" ON "Certificate"("eventId");
CREATE INDEX "Certificate_userId_idx" ON "Certificate"("userId");
CREATE UNIQUE INDEX "Certificate_publicationId_userId_kind_key" ON "Certificate"("publicationId", "userId", "kind");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

