-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastSignInAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "contactRetentionDays" INTEGER NOT NULL DEFAULT 365,
ADD COLUMN     "contactsErasedAt" TIMESTAMP(3),
ADD COLUMN     "remindJudging" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "remindRegistration" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "remindSubmission" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "statisticsPublic" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Invite" ADD COLUMN     "institution" TEXT,
ADD COLUMN     "kimName" TEXT,
ADD COLUMN     "regionId" TEXT;

-- CreateTable
CREATE TABLE "TeamSeat" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "whatsapp" TEXT,
    "role" "TeamRole" NOT NULL DEFAULT 'MEMBER',
    "pool" TEXT,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeamSeat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderDelivery" (
    "key" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderDelivery_pkey" PRIMARY KEY ("key","userId")
);

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

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamSeat" ADD CONSTRAINT "TeamSeat_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamSeat" ADD CONSTRAINT "TeamSeat_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderDelivery" ADD CONSTRAINT "ReminderDelivery_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderDelivery" ADD CONSTRAINT "ReminderDelivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

