-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "statisticsPublic" BOOLEAN NOT NULL DEFAULT false;

