import { ServiceError } from '../../shared/contracts/core';

/** A file that can't be imported at all: the message names the file and, where known, the place. */
export class ImportFileError extends Error {
  constructor(
    readonly file: string,
    readonly location: string,
    message: string,
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}

export function cancelled(): ServiceError {
  return new ServiceError('CANCELLED', 'Importen blev annulleret; intet er gemt.');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelled();
}
