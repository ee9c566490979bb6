import { AppError } from '../../errors.ts';

/** The embedded PostgreSQL could not be set up or started; the message says why and what to do, in one line. */
export class EmbeddedDatabaseFailed extends AppError {
  constructor(message: string) {
    super('unavailable', 503, message);
  }
}
