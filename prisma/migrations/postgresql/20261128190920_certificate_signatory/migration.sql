-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "signatoryName" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "signatoryTitle" TEXT NOT NULL DEFAULT 'Kepala Dinas Komunikasi dan Informatika Provinsi Jawa Timur';

