// The public-statistics switch of the organizer's statistics page. Messages are locale keys.
import { z } from "zod";

export const statisticsSwitchSchema = z.object({
  on: z.enum(["1", "0"], { errorMap: () => ({ message: "validation.invalid" }) }),
});
