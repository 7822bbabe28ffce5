/** The envelope every response uses (docs/api-contract.md § Envelope): `code` is the HTTP status. */
export function envelope(code: number, msg: string, data: unknown) {
  return { code, msg, data };
}
