// A candidate's last standing move (neither a correction nor corrected by one): what a correction would undo.
// Read as a column of the statement that lists candidates, so a page of the list or the board needs no second
// query for the corrections it offers.
import { sql, type SQL } from 'drizzle-orm';
import { jsonOf } from '../../../platform/db/rows.ts';
import { placementCandidateMove } from './campaigns.table.ts';

/** A candidate's last standing move: the one a correction would undo. */
export type LastMove = { id: string; fromStage: string | null; toStage: string; at: Date; announced: boolean };

/**
 * The last standing move of the candidate `candidateId` names, as a JSON column of the statement that lists
 * them (a page of the list or the board reads its rows' moves with them, not in a second query).
 */
export const lastMoveColumn = (candidateId: SQL) => sql<LastMoveJson | string | null>`(
	select json_build_object('id', m.id, 'fromStage', m.from_stage, 'toStage', m.to_stage, 'at', m.at, 'announced', m.announced)
	from ${placementCandidateMove} m
	where m.candidate_id = ${candidateId} and m.corrects_move_id is null and not exists (select 1 from ${placementCandidateMove} k where k.corrects_move_id = m.id)
	order by m.at desc, m.id desc limit 1)`;
type LastMoveJson = Omit<LastMove, 'at'> & { at: string };

/** The move read by `lastMoveColumn` (null: none). */
export function lastMoveOf(value: LastMoveJson | string | null): LastMove | null {
	const move = jsonOf(value);
	return move ? { ...move, at: new Date(move.at) } : null;
}
