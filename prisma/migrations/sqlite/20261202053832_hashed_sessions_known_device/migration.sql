-- Sessions are now stored under the SHA-256 of the cookie's id. Rows written before this were
-- stored as the raw id and can no longer be matched: everyone signs in once more.
DELETE FROM "Session";
