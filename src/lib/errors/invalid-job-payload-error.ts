/** A job's payload does not match its schema: retrying the same payload cannot help. */
export class InvalidJobPayloadError extends Error {
  override readonly name = 'InvalidJobPayloadError';
  constructor(
    readonly job: string,
    readonly issues: string,
  ) {
    super(`job ${job}: invalid payload: ${issues}`);
  }
}
