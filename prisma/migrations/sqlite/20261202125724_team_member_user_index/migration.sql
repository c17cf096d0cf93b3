-- CreateIndex
CREATE INDEX "TeamMember_userId_idx" ON "TeamMember"("userId");

