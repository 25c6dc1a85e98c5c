import type { ActionAdapter } from './actions/action.ts';
import type { Caller } from './caller.ts';
import type { CaseBook, Placement } from './caseBook.ts';
import type { Outcome } from './outcome.ts';
import { pollUntil } from './pollUntil.ts';
import type { Visibility } from './visibility.ts';
import type { RunModel } from './model/runModel.ts';

/**
 * Deletes what a case made. A delete naming a resource created a moment ago may answer NotFound
 * while the endpoint is not yet consistent (REF-EVENTUAL-CONSISTENCY): such a delete is repeated, with backoff,
 * until the consistency window since the case's latest create has passed — unless a read-back
 * already listed every resource it names (then NotFound means gone).
 */
export class Remover {
  constructor(
    private readonly action: ActionAdapter<unknown>,
    private readonly caller: Caller,
    private readonly book: CaseBook,
    private readonly visibility: Visibility,
    private readonly model?: RunModel,
  ) {}

  async remove(ids: readonly string[], placement: Placement = {}): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    const deadline = (this.book.lastWriteAt ?? 0) + this.visibility.windowMs;
    const notFound = (o: Outcome) => o.kind === 'ec2-error' && this.action.notFoundCodes.includes(o.code);
    for (const { call, ids: named } of this.action.deleteCalls(ids)) {
      // A replay after a delete names what was deleted long ago: not late, gone.
      const mayBeLate = named.some((id) => this.book.neverSeen(id) && this.model?.wasDeleted(id) !== true);
      const { result } = await pollUntil(() => this.caller.send(call, placement), (o) => !(mayBeLate && notFound(o)), this.caller, deadline);
      outcomes.push(result);
    }
    this.book.deleted(placement, ids);
    this.model?.deleted(ids);
    return outcomes;
  }
}
