-- CreateTable
CREATE TABLE "ScheduledRun" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "job" TEXT NOT NULL,
    "claimedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "outcome" TEXT
);

-- CreateIndex
CREATE INDEX "ScheduledRun_job_claimedAt_idx" ON "ScheduledRun"("job", "claimedAt");

