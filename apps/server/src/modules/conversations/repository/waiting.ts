/**
 * "Waiting", in SQL: the same rule as `isWaitingForPerson` in `@warmline/shared` — the customer has no answer
 * from a person yet in this wait, routed to someone or not, with a team or not. `c` is the conversations alias.
 */
export const waitingSql = (c: string) => `${c}.status = 'waiting'`;

/** In line: waiting and nobody has it yet (`isInLine`), what routing picks from. */
export const inLineSql = (c: string) => `${waitingSql(c)} and ${c}.assignee_id is null`;
