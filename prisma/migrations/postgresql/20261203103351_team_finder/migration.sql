-- CreateEnum
CREATE TYPE "JoinRequestDirection" AS ENUM ('TO_TEAM', 'TO_PARTICIPANT');

-- CreateEnum
CREATE TYPE "JoinRequestStatus" AS ENUM ('PENDING', 'DECLINED');

-- CreateTable
CREATE TABLE "FinderListing" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "skills" TEXT NOT NULL,
    "regionId" TEXT,
    "pool" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "consentAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FinderListing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamOpening" (
    "teamId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TeamOpening_pkey" PRIMARY KEY ("teamId")
);

-- CreateTable
CREATE TABLE "JoinRequest" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "direction" "JoinRequestDirection" NOT NULL,
    "status" "JoinRequestStatus" NOT NULL DEFAULT 'PENDING',
    "message" TEXT NOT NULL DEFAULT '',
    "senderId" TEXT NOT NULL,
    "noticeAcceptedAt" TIMESTAMP(3),
    "noticeSha256" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JoinRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FinderListing_eventId_updatedAt_idx" ON "FinderListing"("eventId", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "FinderListing_eventId_userId_key" ON "FinderListing"("eventId", "userId");

-- CreateIndex
CREATE INDEX "TeamOpening_eventId_idx" ON "TeamOpening"("eventId");

-- CreateIndex
CREATE INDEX "JoinRequest_eventId_userId_idx" ON "JoinRequest"("eventId", "userId");

-- CreateIndex
CREATE INDEX "JoinRequest_eventId_senderId_status_idx" ON "JoinRequest"("eventId", "senderId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "JoinRequest_teamId_userId_key" ON "JoinRequest"("teamId", "userId");

-- AddForeignKey
ALTER TABLE "FinderListing" ADD CONSTRAINT "FinderListing_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinderListing" ADD CONSTRAINT "FinderListing_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FinderListing" ADD CONSTRAINT "FinderListing_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamOpening" ADD CONSTRAINT "TeamOpening_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamOpening" ADD CONSTRAINT "TeamOpening_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JoinRequest" ADD CONSTRAINT "JoinRequest_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JoinRequest" ADD CONSTRAINT "JoinRequest_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JoinRequest" ADD CONSTRAINT "JoinRequest_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

