// The import confirmation: the rows read from the file (JSON, checked again on the server) and the
// SHA-256 of the preview they produced, which the check must still give.
import { z } from "zod";

export const importConfirmSchema = z.object({
  payload: z.string().min(2).max(3_000_000),
  digest: z.string().regex(/^[0-9a-f]{64}$/),
});
