import type { Submission, SubmissionResult } from "@conform-to/react";

type ReplyOptions = { formErrors?: string[]; fieldErrors?: Record<string, string[]>; resetForm?: boolean };

/**
 * Conform's reply without echoing secrets back into the form. (Conform's own `hideFields` leaves
 * the form in a state where the next client-side submit is swallowed, so the values are dropped
 * here instead.)
 */
export function reply<T>(submission: Submission<T>, options: ReplyOptions = {}, secret: string[] = ["password", "confirm"]): SubmissionResult<string[]> {
  const result = submission.reply(options as never) as SubmissionResult<string[]>;
  if (result.initialValue) {
    const initialValue = { ...result.initialValue };
    for (const name of secret) delete initialValue[name];
    return { ...result, initialValue };
  }
  return result;
}
