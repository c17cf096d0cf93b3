// Team rules the domain tests share.
import type { TeamRules } from "~/domain/team-rules";

/** Teams of exactly seven: up to five students and up to two KIM members. */
export const KIM_MIX: TeamRules = {
  minSize: 7,
  maxSize: 7,
  pools: [
    { key: "mahasiswa", quota: 5 },
    { key: "kim", quota: 2 },
  ],
};
