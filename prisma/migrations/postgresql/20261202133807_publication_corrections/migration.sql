-- DropIndex
DROP INDEX "Certificate_eventId_userId_kind_key";

-- AlterTable
ALTER TABLE "Publication" ADD COLUMN     "correctionReason" TEXT,
ADD COLUMN     "supersedesId" TEXT;

-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN     "publicationId" TEXT;
-- Certificates issued before corrections existed belong to their event's one publication.
UPDATE "Certificate" c SET "publicationId" = (SELECT p."id" FROM "Publication" p WHERE p."eventId" = c."eventId" ORDER BY p."publishedAt" DESC, p."id" DESC LIMIT 1);
ALTER TABLE "Certificate" ALTER COLUMN "publicationId" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Publication_supersedesId_key" ON "Publication"("supersedesId");

-- CreateIndex
CREATE INDEX "Certificate_eventId_idx" ON "Certificate"("eventId");

-- CreateIndex
CREATE INDEX "Certificate_userId_idx" ON "Certificate"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_publicationId_userId_kind_key" ON "Certificate"("publicationId", "userId", "kind");

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "Publication"("id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

