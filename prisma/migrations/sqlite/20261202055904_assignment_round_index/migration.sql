-- CreateIndex
CREATE INDEX "Assignment_roundId_id_idx" ON "Assignment"("roundId", "id");

