-- AlterTable
ALTER TABLE "EventMember" ADD COLUMN     "affiliationLocked" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "label" TEXT;


-- Existing assignments get a random label too (the client generates it for new rows).
UPDATE "Assignment" SET "label" = substr(md5(random()::text || "id"), 1, 8) WHERE "label" IS NULL;
