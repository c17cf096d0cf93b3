-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN "label" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_EventMember" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "regionId" TEXT,
    "kimName" TEXT,
    "institution" TEXT,
    "affiliationLocked" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EventMember_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventMember_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_EventMember" ("createdAt", "eventId", "id", "institution", "kimName", "regionId", "role", "userId") SELECT "createdAt", "eventId", "id", "institution", "kimName", "regionId", "role", "userId" FROM "EventMember";
DROP TABLE "EventMember";
ALTER TABLE "new_EventMember" RENAME TO "EventMember";
CREATE INDEX "EventMember_userId_idx" ON "EventMember"("userId");
CREATE UNIQUE INDEX "EventMember_eventId_userId_role_key" ON "EventMember"("eventId", "userId", "role");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Existing assignments get a random label too (the client generates it for new rows).
UPDATE "Assignment" SET "label" = lower(hex(randomblob(4))) WHERE "label" IS NULL;
