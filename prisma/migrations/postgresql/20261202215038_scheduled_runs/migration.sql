-- CreateTable
CREATE TABLE "ScheduledRun" (
    "key" TEXT NOT NULL,
    "job" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "outcome" TEXT,

    CONSTRAINT "ScheduledRun_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "ScheduledRun_job_claimedAt_idx" ON "ScheduledRun"("job", "claimedAt");

