-- AlterTable
ALTER TABLE "User" ADD COLUMN     "lastSignInAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "contactRetentionDays" INTEGER NOT NULL DEFAULT 365,
ADD COLUMN     "contactsErasedAt" TIMESTAMP(3),
ADD COLUMN     "remindJudging" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "remindRegistration" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "remindSubmission" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "ReminderDelivery" (
    "key" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReminderDelivery_pkey" PRIMARY KEY ("key","userId")
);

-- CreateIndex
CREATE INDEX "ReminderDelivery_eventId_idx" ON "ReminderDelivery"("eventId");

-- CreateIndex
CREATE INDEX "ReminderDelivery_userId_idx" ON "ReminderDelivery"("userId");

-- AddForeignKey
ALTER TABLE "ReminderDelivery" ADD CONSTRAINT "ReminderDelivery_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderDelivery" ADD CONSTRAINT "ReminderDelivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

