// Parts of the event seeds the test fixtures have in common.
import type { EventSeed } from "../../prisma/seed-utils";

const TRACK_NAMES = ["Layanan Publik Desa", "Literasi Digital", "Ekonomi Warga"];
const PLACE_NAMES = ["Juara I", "Juara II", "Juara III"];

/** The first `count` tracks, without descriptions. */
export const seedTracks = (count: number): EventSeed["tracks"] => TRACK_NAMES.slice(0, count).map((name) => ({ name, description: "" }));

/** One rubric: Dampak 60 %, Inovasi 40 %, both scored 1–10. */
export const IMPACT_INNOVATION_RUBRIC: EventSeed["criteria"] = [
  [
    { name: "Dampak", description: "", weight: 60, scaleMin: 1, scaleMax: 10 },
    { name: "Inovasi", description: "", weight: 40, scaleMin: 1, scaleMax: 10 },
  ],
];

/** Place awards Juara I to Juara `count`. */
export const placeAwards = (count: number, prize = ""): EventSeed["awards"] => PLACE_NAMES.slice(0, count).map((name, i) => ({ name, kind: "PLACE", place: i + 1, prize }));

/** Registration and submission are over, the first round is being judged, the final and the announcement lie ahead. */
export const JUDGING_UNDER_WAY = {
  offsets: { registrationOpens: -60, registrationCloses: -40, screeningCloses: -33, submissionOpens: -30, submissionCloses: -5, rounds: [-2, 3], announcement: 5 },
  roundNames: ["Penyisihan", "Final"],
  minTeamSize: 1,
  maxTeamSize: 5,
} satisfies Partial<EventSeed>;
